import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import type { ApiRequest, FullResponse, RequestContext, RetryPolicy } from '../../shared/request';
import { providerRequest } from '../../shared/request';
import { credentialSettings } from '../../shared/auth';
import { baseUrlOf } from './hosts';

export const MAX_PAGE_SIZE = 100;
/** The earlier name of MAX_PAGE_SIZE. */
export const AMIQUS_MAX_PAGE_SIZE = MAX_PAGE_SIZE;

/** Which credential the node uses, from its Authentication parameter. */
export function amiqusCredentialType(ctx: RequestContext): 'amiqusApi' | 'amiqusOAuth2Api' {
	const authentication = ctx.getNodeParameter('authentication', 0, 'accessToken') as string;
	return authentication === 'oAuth2' ? 'amiqusOAuth2Api' : 'amiqusApi';
}

export interface AmiqusRequest extends Omit<ApiRequest, 'url' | 'method'> {
	itemIndex?: number;
	/** Another retry budget than the default (the trigger's lookups use a short one). */
	retry?: RetryPolicy;
}

/** One call to the Amiqus REST API v2; `path` is relative to the Base URL, e.g. `/clients`. */
export async function amiqusRequest(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: AmiqusRequest = {},
): Promise<unknown> {
	const credentialType = amiqusCredentialType(ctx);
	const { itemIndex, retry, ...rest } = request;
	const baseUrl = baseUrlOf(await credentialSettings(ctx, credentialType));
	return await providerRequest(
		ctx,
		{ provider: 'Amiqus', credentialType, retry },
		{ ...rest, method, url: `${baseUrl}${path}` },
		itemIndex,
	);
}

/** Downloads a file (PDF, image) and returns its bytes and headers. */
export async function amiqusDownload(
	ctx: RequestContext,
	path: string,
	itemIndex?: number,
): Promise<FullResponse> {
	return (await amiqusRequest(ctx, 'GET', path, { binary: true, itemIndex })) as FullResponse;
}

/** Amiqus's paginated envelope: { object: "paginated_list", data, current_page, total_pages, ... }. */
interface PaginatedList {
	data: IDataObject[];
	current_page: number;
	total_pages: number;
}

/** "Return All / Limit" over a paginated Amiqus list endpoint. */
export async function amiqusList(
	ctx: RequestContext,
	path: string,
	qs: IDataObject,
	options: { returnAll: boolean; limit: number; itemIndex?: number },
): Promise<IDataObject[]> {
	return await collectPages(
		async (page, pageSize) => {
			const list = (await amiqusRequest(ctx, 'GET', path, {
				qs: { ...qs, page, limit: pageSize },
				itemIndex: options.itemIndex,
			})) as PaginatedList;
			return { items: list.data ?? [], hasMore: list.current_page < list.total_pages };
		},
		{ returnAll: options.returnAll, limit: options.limit, maxPageSize: MAX_PAGE_SIZE },
	);
}
