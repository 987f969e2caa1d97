import { createHmac, randomBytes } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

type Encoding = 'json' | 'form' | 'multipart' | 'query';

function isPlainObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** In form, multipart and query encodings, `flags` and `steps` travel as JSON strings. */
function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function hmacRaw(key: string | Buffer, data: string | Buffer): Buffer {
	return createHmac('sha256', key).update(data).digest();
}

/**
 * Puts `company_key` where Identomat expects it (in the parameters, whatever the encoding),
 * serialises the parameters to the exact bytes that will be sent and, when a Secret Key is
 * set, signs those bytes: `Authorization: signature="<base64 HMAC-SHA256>"`.
 */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const encoding = (credentials.encoding as Encoding) || 'json';
	const secret = typeof credentials.secretKey === 'string' ? credentials.secretKey : '';
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'content-type' || name.toLowerCase() === 'authorization')
			delete headers[name];
	}
	const given = isPlainObject(requestOptions.body) ? requestOptions.body : {};
	const params: IDataObject = { company_key: credentials.companyApiKey as string, ...given };
	for (const [key, value] of Object.entries(params)) if (value === undefined) delete params[key];

	let body: Buffer;
	let signature: string | undefined;
	if (encoding === 'query') {
		const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
		for (const [key, value] of Object.entries(params)) qs[key] = asText(value);
		requestOptions.qs = qs;
		body = Buffer.alloc(0);
	} else if (encoding === 'form') {
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(params)) form.append(key, asText(value));
		body = Buffer.from(form.toString(), 'utf8');
		// With the charset, n8n's request layer leaves the (already encoded) bytes alone.
		headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
	} else if (encoding === 'multipart') {
		const boundary = `----n8nIdentomat${randomBytes(12).toString('hex')}`;
		const chunks: Buffer[] = [];
		for (const [key, value] of Object.entries(params)) {
			chunks.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${asText(value)}\r\n`,
					'utf8',
				),
			);
		}
		chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
		body = Buffer.concat(chunks);
		headers['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
		if (secret && credentials.multipartSigning !== 'body') {
			// HMAC page: each step's key is the binary HMAC of the previous one, text parts first
			// (this node sends text parts only). A part is taken as its value bytes (UNCONFIRMED).
			let key: Buffer | string = secret;
			for (const value of Object.values(params))
				key = hmacRaw(key, Buffer.from(asText(value), 'utf8'));
			signature = Buffer.from(key).toString('base64');
		}
	} else {
		body = Buffer.from(JSON.stringify(params), 'utf8');
		headers['Content-Type'] = 'application/json';
	}
	if (secret) {
		headers.Authorization = `signature="${signature ?? hmacRaw(secret, body).toString('base64')}"`;
	}
	requestOptions.headers = headers;
	if (body.length) requestOptions.body = body;
	else delete requestOptions.body;
	requestOptions.json = false;
	return requestOptions;
}
