import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { credentialSecrets, redactSecrets } from './redact';
import {
	describeRequestError,
	isNetworkError,
	providerMessage,
	retryAfterMs,
	tryParse,
} from './responseErrors';

export type { ResponseErrorInfo } from './responseErrors';
export {
	describeRequestError,
	isNetworkError,
	providerMessage,
	retryAfterMs,
} from './responseErrors';

/** Any n8n context that may call `httpRequestWithAuthentication`. */
export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Absolute URL. Each provider's transport joins its base URL and the path. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | number[] | string | Buffer;
	headers?: IDataObject;
	/** Send the body as a form (application/x-www-form-urlencoded). */
	form?: boolean;
	/** Return the body as a Buffer, with the response headers. */
	binary?: boolean;
	/** Return `{ body, headers, statusCode }` instead of the body. */
	fullResponse?: boolean;
	/**
	 * Whether repeating the request cannot do harm. GET, HEAD, PUT, DELETE and OPTIONS are
	 * idempotent by default; a POST that only reads (a search) may say so here.
	 */
	idempotent?: boolean;
	timeout?: number;
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Upper bound on the total time spent waiting between attempts. */
	maxTotalWaitMs: number;
	/** First backoff delay when the provider gives no Retry-After. Doubles each time. */
	baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	maxTotalWaitMs: 30_000,
	baseDelayMs: 500,
};

export interface FullResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

/** What every provider tells the shared layer about itself. */
export interface ProviderHttp {
	/** Display name used in error messages, e.g. "Amiqus". */
	provider: string;
	credentialType: string;
	retry?: RetryPolicy;
	/** Extra headers sent with every request (not secrets: those belong to the credential). */
	headers?: IDataObject;
	/** Checks a successful response before it is returned (e.g. a response signature). */
	verifyResponse?: (response: FullResponse, request: ApiRequest) => void | Promise<void>;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const STATUS_HINTS: Record<number, { message: string; description: string }> = {
	400: {
		message: 'The request was refused as malformed',
		description: 'Check the values of the node parameters.',
	},
	401: {
		message: 'The credentials were not accepted',
		description: 'Check the credential: the key or token may be wrong, expired or revoked.',
	},
	403: {
		message: 'The credentials are not allowed to do this',
		description: "Check the permissions of the credential's user or team.",
	},
	404: {
		message: 'The resource was not found',
		description: 'Check the ID: it may be wrong or deleted.',
	},
	409: {
		message: 'The request conflicts with the current state',
		description: 'Fetch the resource again and retry.',
	},
	410: {
		message: 'The resource is gone',
		description: 'It was removed by the provider and cannot be fetched.',
	},
	422: {
		message: 'The provider refused the values sent',
		description: 'Correct the fields named in the message.',
	},
	423: { message: 'The resource is locked for now', description: 'Try again later.' },
	429: {
		message: 'The provider is rate limiting the requests',
		description: 'Too many requests in a short time. Lower the batch size or add a Wait node.',
	},
};

/**
 * Turns a failed request into a NodeApiError that names the provider, the status and its message,
 * with no secrets: `secrets` are the credential's own values, removed wherever the provider echoed them.
 */
export function toNodeApiError(
	ctx: RequestContext,
	provider: string,
	error: unknown,
	itemIndex?: number,
	secrets: readonly string[] = [],
): NodeApiError {
	const info = describeRequestError(error);
	const hint = info.status ? STATUS_HINTS[info.status] : undefined;
	const theirs = providerMessage(info.data);
	const generic = info.status
		? (hint?.message ??
			(info.status >= 500 ? 'The provider had an internal problem' : 'The request was refused'))
		: 'The provider could not be reached';
	const message = `${provider}: ${generic}${info.status ? ` (HTTP ${info.status})` : ''}${theirs ? `: ${theirs}` : ''}`;
	const description =
		hint?.description ??
		(info.status && info.status >= 500
			? 'The provider may be down or overloaded. Try again later.'
			: info.status
				? undefined
				: `Check the Base URL in the credential and the network. ${redactSecrets(info.message, secrets)}`.trim());
	const retryAfter = retryAfterMs(info.headers);
	const failure =
		info.status === 429
			? {
					cause: 'rate-limited' as const,
					...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
				}
			: info.status === 401
				? { cause: 'credential-invalid' as const }
				: info.status === 503
					? { cause: 'temporarily-unavailable' as const }
					: undefined;
	const sanitized: JsonObject = {
		message: redactSecrets(message, secrets),
		...(info.status ? { httpCode: String(info.status) } : {}),
		...(info.data !== undefined && !Buffer.isBuffer(info.data)
			? { body: redactSecrets(info.data, secrets) as JsonObject }
			: {}),
	};
	return new NodeApiError(ctx.getNode(), sanitized, {
		message: redactSecrets(message, secrets),
		description,
		httpCode: info.status ? String(info.status) : undefined,
		itemIndex,
		...(failure ? { failure } : {}),
	});
}

/**
 * Sends one request through the credential, with bounded retries:
 * 429 is retried for every method (the provider did not act on it), 5xx and network
 * errors only when repeating the request cannot create a duplicate.
 */
export async function providerRequest(
	ctx: RequestContext,
	http: ProviderHttp,
	request: ApiRequest,
	itemIndex?: number,
): Promise<unknown> {
	const policy = http.retry ?? DEFAULT_RETRY_POLICY;
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: {
			Accept: request.binary ? '*/*' : 'application/json',
			...http.headers,
			...request.headers,
		},
		returnFullResponse: true,
		timeout: request.timeout ?? 60_000,
	};
	if (request.body !== undefined) {
		options.body = request.body;
		if (request.form) {
			options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		} else if (!Buffer.isBuffer(request.body) && typeof request.body !== 'string') {
			options.json = true;
		}
	}
	if (request.binary) {
		options.encoding = 'arraybuffer';
		options.json = false;
	}

	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, http.credentialType, {
				...options,
				headers: { ...options.headers },
			})) as FullResponse;
		} catch (error) {
			const info = describeRequestError(error);
			const retryable =
				info.status === 429 ||
				(idempotent && ((info.status !== undefined && info.status >= 500) || isNetworkError(info)));
			const fail = async () =>
				toNodeApiError(
					ctx,
					http.provider,
					error,
					itemIndex,
					await credentialSecrets(ctx, itemIndex),
				);
			if (!retryable || attempt >= policy.maxRetries) throw await fail();
			const delay = retryAfterMs(lowerCaseKeys(info.headers)) ?? policy.baseDelayMs * 2 ** attempt;
			if (waited + delay > policy.maxTotalWaitMs) throw await fail();
			waited += delay;
			await sleep(delay);
			continue;
		}
		const full: FullResponse = {
			body: request.binary ? toBuffer(response.body) : parseJsonBody(response.body),
			headers: lowerCaseKeys(response.headers ?? {}),
			statusCode: response.statusCode,
		};
		if (http.verifyResponse) await http.verifyResponse(full, request);
		return request.fullResponse || request.binary ? full : full.body;
	}
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'binary');
	return Buffer.from(JSON.stringify(body ?? ''));
}

function parseJsonBody(body: unknown): unknown {
	if (typeof body === 'string' && body !== '') {
		const parsed = tryParse(body);
		return parsed;
	}
	if (body === '') return undefined;
	return body;
}

export function lowerCaseKeys(headers: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = value;
	return out;
}
