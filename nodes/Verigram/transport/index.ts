import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ApiRequest, FullResponse, RequestContext } from '../../shared/request';
import { providerRequest } from '../../shared/request';
import { credentialSettings } from '../../shared/auth';
import { pathSegment } from '../../shared/ids';
import { baseUrlOf } from './hosts';

export const CREDENTIAL_TYPE = 'verigramApi';

export interface VerigramRequest extends Omit<ApiRequest, 'url' | 'method' | 'qs'> {
	/** Query parameters, written into the URL here so the signed path is exactly what is sent. */
	query?: Record<string, string>;
	itemIndex?: number;
}

/** One call to the Verigram API; `path` is relative to the credential's host, e.g. `/flow`. */
export async function verigramRequest(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: VerigramRequest = {},
): Promise<unknown> {
	const credentials = await credentialSettings(ctx, CREDENTIAL_TYPE);
	const { itemIndex, query, ...rest } = request;
	const search = query ? new URLSearchParams(query).toString() : '';
	return await providerRequest(
		ctx,
		{
			provider: 'Verigram',
			credentialType: CREDENTIAL_TYPE,
			headers: { 'Content-Type': 'application/json' },
		},
		{ ...rest, method, url: `${baseUrlOf(credentials)}${path}${search ? `?${search}` : ''}` },
		itemIndex,
	);
}

/** Flow ids go into paths: checked and encoded so an id can never change the route. */
export const flowPath = (flowId: string, suffix = '') => `/flow/${pathSegment(flowId)}${suffix}`;

/** GET /flow/{flow_id}/result. */
export async function getFlowResult(
	ctx: RequestContext,
	flowId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return (await verigramRequest(ctx, 'GET', flowPath(flowId, '/result'), {
		itemIndex,
	})) as IDataObject;
}

/** GET /resources/file?label=...&flow_id=... as bytes. */
export async function downloadFlowFile(
	ctx: RequestContext,
	flowId: string,
	label: string,
	itemIndex?: number,
): Promise<FullResponse> {
	return (await verigramRequest(ctx, 'GET', '/resources/file', {
		query: { label, flow_id: flowId },
		binary: true,
		itemIndex,
	})) as FullResponse;
}
