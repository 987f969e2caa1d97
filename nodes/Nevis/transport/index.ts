import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiRequest, RequestContext } from '../../shared/request';
import { providerRequest } from '../../shared/request';
import { credentialSettings } from '../../shared/auth';
import { pathSegment } from '../../shared/ids';
import { baseUrlOf, DEFAULT_IDV_PATH, NEVIS_HOST_SUFFIX } from './hosts';

export const CREDENTIAL_TYPE = 'nevisApi';

interface NevisSettings {
	base: string;
	idvPath: string;
	lookup: 'path' | 'query';
	queryParameter: string;
}

async function settingsOf(ctx: RequestContext, itemIndex?: number): Promise<NevisSettings> {
	const c = await credentialSettings(ctx, CREDENTIAL_TYPE);
	const explicit = String(c.baseUrl ?? '').trim();
	const instance = String(c.instanceId ?? '').trim();
	if (!explicit && !instance) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Nevis credential needs an Instance ID or a Base URL',
			{ itemIndex },
		);
	}
	if (!explicit && !/^[A-Za-z0-9-]+$/.test(instance)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Instance ID of the Nevis credential is not valid: "${instance}"`,
			{
				itemIndex,
				description: `An instance ID is the first part of https://{instance}${NEVIS_HOST_SUFFIX}, e.g. sandbox-int-6c.`,
			},
		);
	}
	const base = baseUrlOf(c);
	const path = String(c.idvPath || DEFAULT_IDV_PATH)
		.trim()
		.replace(/\/+$/, '');
	return {
		base,
		idvPath: path.startsWith('/') ? path : `/${path}`,
		lookup: c.sessionLookup === 'query' ? 'query' : 'path',
		queryParameter: String(c.sessionQueryParameter || 'sessionId'),
	};
}

async function nevisRequest(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	url: string,
	request: Omit<ApiRequest, 'url' | 'method'> = {},
	itemIndex?: number,
): Promise<unknown> {
	return await providerRequest(
		ctx,
		{ provider: 'Nevis', credentialType: CREDENTIAL_TYPE },
		{ ...request, method, url },
		itemIndex,
	);
}

/** POST {idv path}: starts a session; Nevis documents `sessionId` and `startUrl` in the answer. */
export async function startSession(
	ctx: RequestContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const s = await settingsOf(ctx, itemIndex);
	return (await nevisRequest(
		ctx,
		'POST',
		`${s.base}${s.idvPath}`,
		{ body },
		itemIndex,
	)) as IDataObject;
}

/** GET the session by path or query parameter, as the credential says. */
export async function getSession(
	ctx: RequestContext,
	sessionId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const s = await settingsOf(ctx, itemIndex);
	const request =
		s.lookup === 'query'
			? { url: `${s.base}${s.idvPath}`, qs: { [s.queryParameter]: sessionId } }
			: { url: `${s.base}${s.idvPath}/${pathSegment(sessionId)}` };
	return (await nevisRequest(
		ctx,
		'GET',
		request.url,
		{ qs: request.qs },
		itemIndex,
	)) as IDataObject;
}

/** DELETE {idv path}/{sessionId}: the console deletes sessions; the API route is not documented. */
export async function deleteSession(
	ctx: RequestContext,
	sessionId: string,
	itemIndex?: number,
): Promise<void> {
	const s = await settingsOf(ctx, itemIndex);
	await nevisRequest(
		ctx,
		'DELETE',
		`${s.base}${s.idvPath}/${pathSegment(sessionId)}`,
		{},
		itemIndex,
	);
}
