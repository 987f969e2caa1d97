import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';
import { createHash } from 'crypto';

import { tryParse } from '../../shared/responseErrors';
import { ondatoHosts } from './hosts';

/** The OAuth2 client-credentials token of the Ondato credential (its preAuthentication). */

/**
 * Fetches a client-credentials token at the credential's token URL. A failure becomes a new
 * error that names the field to check and carries no part of the request (it holds the secret).
 */
export async function requestToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ token: string; expiresInSeconds?: number }> {
	const form = new URLSearchParams({
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		grant_type: 'client_credentials',
	});
	const scope = typeof credentials.scope === 'string' ? credentials.scope.trim() : '';
	if (scope) form.set('scope', scope);
	let response: { body: unknown; statusCode: number };
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: ondatoHosts(credentials).tokenUrl,
			body: form.toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			returnFullResponse: true,
		})) as { body: unknown; statusCode: number };
	} catch (error) {
		// A new error: the original carries the request, and so the client secret.
		const failed = error as { response?: { status?: number; data?: unknown }; httpCode?: string };
		const status = Number(failed.response?.status ?? failed.httpCode) || undefined;
		const data = parseBody(failed.response?.data);
		const code = typeof data.error === 'string' ? data.error : undefined;
		const rejected = code === 'invalid_client' || status === 401;
		const text = rejected
			? 'the Client ID or Client Secret was refused (invalid_client). Check "Client ID" and "Client Secret", and that "Environment" is the one they were issued for'
			: code === 'invalid_scope'
				? 'a requested scope is not allowed for this client (invalid_scope). Check "Scope" (empty asks for every scope of the client)'
				: `the token server answered ${status ? `HTTP ${status}` : 'nothing'}${code ? ` (${code})` : ''}. Check "Environment" (or the Token URL under "Custom Hosts")`;
		const message = `Ondato token request: ${text}.`;
		// n8n's credential test shows the status text of a failed request: here, the reason.
		throw Object.assign(new Error(message), {
			httpCode: rejected ? '401' : status ? String(status) : undefined,
			response: {
				status: rejected ? 401 : status,
				statusText: message,
				headers: {},
				data: { message },
			},
		});
	}
	const body = parseBody(response.body);
	if (typeof body.access_token !== 'string' || !body.access_token) {
		throw new Error('Ondato token request: the answer has no access_token');
	}
	return { token: body.access_token, expiresInSeconds: Number(body.expires_in) || undefined };
}

/** A digest of the values a token is fetched with (client ID, secret, scope, token URL, environment). */
export function tokenOwner(credentials: ICredentialDataDecryptedObject): string {
	const scope = typeof credentials.scope === 'string' ? credentials.scope.trim() : '';
	const values = [
		credentials.clientId,
		credentials.clientSecret,
		scope,
		ondatoHosts(credentials).tokenUrl,
		credentials.environment,
	];
	return createHash('sha256')
		.update(JSON.stringify(values.map((v) => String(v ?? ''))))
		.digest('hex')
		.slice(0, 16);
}

function parseBody(body: unknown): IDataObject {
	const parsed = typeof body === 'string' ? tryParse(body) : body;
	return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
}
