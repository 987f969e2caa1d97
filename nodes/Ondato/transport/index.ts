import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiRequest, FullResponse, RequestContext } from '../../shared/request';
import { providerRequest } from '../../shared/request';
import { pathSegment } from '../../shared/ids';
import type { OndatoHosts } from './hosts';
import { ondatoHosts } from './hosts';
import { credentialSettings } from '../../shared/auth';

export const CREDENTIAL_TYPE = 'ondatoApi';

/** Which Ondato API a path belongs to: each has its own host. */
export type OndatoApiName = 'idv' | 'kyc' | 'faceAuth';

export async function hostsOf(ctx: RequestContext): Promise<OndatoHosts> {
	return ondatoHosts(await credentialSettings(ctx, CREDENTIAL_TYPE));
}

export interface OndatoRequest extends Omit<ApiRequest, 'url' | 'method'> {
	itemIndex?: number;
}

/** One call to an Ondato API; `path` starts with /v1. The token comes from the credential. */
export async function ondatoRequest(
	ctx: RequestContext,
	api: OndatoApiName,
	method: IHttpRequestMethods,
	path: string,
	request: OndatoRequest = {},
): Promise<unknown> {
	const hosts = await hostsOf(ctx);
	const base =
		api === 'kyc' ? hosts.kycApiUrl : api === 'faceAuth' ? hosts.faceAuthApiUrl : hosts.idvApiUrl;
	const { itemIndex, ...rest } = request;
	try {
		return await providerRequest(
			ctx,
			{ provider: 'Ondato', credentialType: CREDENTIAL_TYPE },
			{ ...rest, method, url: `${base}${path}` },
			itemIndex,
		);
	} catch (error) {
		throw withFieldErrors(error);
	}
}

/** GET /v1/identity-verifications/{id}. */
export async function getIdentityVerification(
	ctx: RequestContext,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const path = `/v1/identity-verifications/${pathSegment(id)}`;
	return (await ondatoRequest(ctx, 'idv', 'GET', path, { itemIndex })) as IDataObject;
}

/** GET /v1/identifications/{id}: a KYC identification. */
export async function getKycIdentification(
	ctx: RequestContext,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const path = `/v1/identifications/${pathSegment(id)}`;
	return (await ondatoRequest(ctx, 'kyc', 'GET', path, { itemIndex })) as IDataObject;
}

/** The id of the KYC identification of an identity verification (step.kycIdentification.id). */
export function kycIdOf(idv: IDataObject): unknown {
	return (((idv.step ?? {}) as IDataObject).kycIdentification as IDataObject | undefined)?.id;
}

/** An empty JSON object as the body of a POST .../filter (n8n drops an empty object body). */
export const EMPTY_FILTER = { body: '{}', headers: { 'Content-Type': 'application/json' } };

/**
 * ASP.NET validation answers put the useful part in `errors` ({"SetupId": ["..."]}) under a generic
 * title: add those field messages to the error (the error body format itself is not documented).
 */
function withFieldErrors(error: unknown): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const body = ((error as unknown as { errorResponse?: IDataObject }).errorResponse?.body ??
		{}) as IDataObject;
	const errors = body && typeof body === 'object' ? body.errors : undefined;
	if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return error;
	const fields = Object.entries(errors as IDataObject)
		.filter(([, messages]) => Array.isArray(messages))
		.map(([field, messages]) => `${field ? `${field}: ` : ''}${(messages as string[]).join(' ')}`);
	if (fields.length && !error.message.includes(fields[0]))
		error.message = `${error.message} ${fields.join('; ')}`;
	return error;
}

export async function ondatoDownload(
	ctx: RequestContext,
	path: string,
	itemIndex?: number,
): Promise<FullResponse> {
	return (await ondatoRequest(ctx, 'kyc', 'GET', path, {
		binary: true,
		itemIndex,
	})) as FullResponse;
}

/** Largest page asked of a /filter endpoint (Ondato's own demo asks for 100; the maximum is not documented). */
export const MAX_PAGE_SIZE = 100;

/**
 * Reads IDV setups through POST /v1/identity-verification-setups/filter (a bare array).
 * Only `limit` is documented; the offset parameter's name is not, so it is a setting, and a page
 * that repeats the previous one (the parameter was ignored) ends the loop.
 */
export async function listSetups(
	ctx: RequestContext,
	options: {
		returnAll: boolean;
		limit: number;
		offsetParameter: string;
		orderDirection: string;
		itemIndex?: number;
	},
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	const pageSize = Math.min(MAX_PAGE_SIZE, wanted);
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	for (let offset = 0; results.length < wanted; offset += pageSize) {
		const qs: IDataObject = {
			limit: pageSize,
			orderBy: 'Name',
			orderDirection: options.orderDirection,
		};
		if (offset > 0) qs[options.offsetParameter] = offset;
		const page = await ondatoRequest(
			ctx,
			'idv',
			'POST',
			'/v1/identity-verification-setups/filter',
			{
				qs,
				...EMPTY_FILTER,
				idempotent: true,
				itemIndex: options.itemIndex,
			},
		);
		const items = Array.isArray(page) ? (page as IDataObject[]) : [];
		const fresh = items.filter((setup) => !seen.has(String(setup.id)));
		for (const setup of fresh) seen.add(String(setup.id));
		results.push(...fresh.slice(0, wanted - results.length));
		if (items.length < pageSize || fresh.length === 0) break;
	}
	return results;
}
