import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { RequestContext } from './request';

/**
 * `authenticate` for a Bearer token held in a credential field, in plain code. A generic
 * authenticate (`'=Bearer {{$credentials.x}}'`) makes n8n run its expression engine on every
 * request, which measurably costs throughput over thousands of items.
 */
export function bearerAuthenticate(field: string) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) => {
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials[field] ?? '')}`,
		};
		return requestOptions;
	};
}

/**
 * The `rules` of a credential's `test`: what the editor shows when the test request fails with
 * one of these statuses (the provider's reason and the field to check), in ascending order.
 */
export function failureRules(messages: Record<number, string>): IAuthenticateRuleResponseCode[] {
	return Object.entries(messages).map(([status, message]) => ({
		type: 'responseCode',
		properties: { value: Number(status), message },
	}));
}

const perRun = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/**
 * The node's credential, read once per node run rather than once per request (n8n decrypts it
 * on every read). Only for settings such as base URLs: authentication itself stays with n8n.
 */
export async function credentialSettings(
	ctx: RequestContext,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	let byType = perRun.get(ctx);
	if (!byType) perRun.set(ctx, (byType = new Map()));
	let read = byType.get(type);
	if (!read) {
		read = ctx.getCredentials(type);
		byType.set(type, read);
		read.catch(() => byType!.delete(type));
	}
	return await read;
}
