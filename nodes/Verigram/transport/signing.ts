import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { baseUrlOf } from './hosts';

function headerNames(headers: IDataObject): Set<string> {
	return new Set(Object.keys(headers).map((name) => name.toLowerCase()));
}

/**
 * Moves `qs` into the URL (so the signed string is exactly what is sent) and returns the path
 * with its query string, relative to the credential's API root, e.g. `/flow/abc/result`.
 */
function pathToSign(requestOptions: IHttpRequestOptions, apiRoot: string): string {
	const root = String(requestOptions.baseURL ?? apiRoot).replace(/\/+$/, '');
	let url = String(requestOptions.url ?? '');
	if (!/^https?:\/\//i.test(url)) url = `${root}${url.startsWith('/') ? '' : '/'}${url}`;
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	const entries = Object.entries(qs).filter(([, value]) => value !== undefined && value !== null);
	if (entries.length) {
		const query = new URLSearchParams(
			entries.map(([key, value]): [string, string] => [key, String(value)]),
		).toString();
		url = `${url}${url.includes('?') ? '&' : '?'}${query}`;
	}
	requestOptions.qs = {};
	requestOptions.url = url;
	if (url.startsWith(`${root}/`) || url === root) return url.slice(root.length) || '/';
	const parsed = new URL(url);
	return `${parsed.pathname}${parsed.search}`;
}

/**
 * Test keys send the key and version only. With a secret (production keys) every request also
 * carries the unix time in seconds and the lowercase hex HMAC-SHA256 of time + path with query,
 * keyed with the secret; the body is not signed.
 */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	const present = headerNames(headers);
	headers['X-Verigram-Api-Key'] = String(credentials.apiKey ?? '');
	// A request may ask for another version (the legacy access-token route is version 1.1).
	if (!present.has('x-verigram-api-version'))
		headers['X-Verigram-Api-Version'] = String(credentials.apiVersion || '2.0');
	const secret = String(credentials.apiSecret ?? '');
	if (secret) {
		const ts = String(Math.floor(Date.now() / 1000));
		const path = pathToSign(requestOptions, baseUrlOf(credentials));
		headers['X-Verigram-Ts'] = ts;
		headers['X-Verigram-Hmac-SHA256'] = createHmac('sha256', Buffer.from(secret, 'utf8'))
			.update(`${ts}${path}`, 'utf8')
			.digest('hex');
	}
	return { ...requestOptions, headers };
}
