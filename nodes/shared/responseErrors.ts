import type { IDataObject } from 'n8n-workflow';

/** Reading what n8n's request helper threw: status, headers, body, network codes and the provider's own words. */

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

export interface ResponseErrorInfo {
	status?: number;
	headers: IDataObject;
	data: unknown;
	code?: string;
	message: string;
}

/** Pulls status, headers and body out of whatever n8n's request helper threw. */
export function describeRequestError(error: unknown): ResponseErrorInfo {
	const err = (error ?? {}) as IDataObject & { cause?: IDataObject; message?: string };
	const candidates = [err.cause as IDataObject | undefined, err].filter(Boolean) as IDataObject[];
	for (const candidate of candidates) {
		const response = candidate.response as IDataObject | undefined;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: (response.headers as IDataObject) ?? {},
				data: response.data ?? response.body,
				code: candidate.code as string | undefined,
				message: String(candidate.message ?? err.message ?? ''),
			};
		}
	}
	const httpCode = Number(err.httpCode);
	const code = ((err.cause as IDataObject | undefined)?.code ?? err.code) as string | undefined;
	return {
		status: Number.isFinite(httpCode) && httpCode >= 100 ? httpCode : undefined,
		headers: {},
		data: undefined,
		code,
		message: String(err.message ?? ''),
	};
}

export function isNetworkError(info: ResponseErrorInfo): boolean {
	if (info.status !== undefined) return false;
	if (info.code && NETWORK_ERROR_CODES.has(info.code)) return true;
	return /socket hang up|ECONNRESET|ECONNREFUSED|timeout|network/i.test(info.message);
}

/** Milliseconds to wait as the provider asks (Retry-After in seconds or as an HTTP date). */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Finds the provider's own words in an error body, whatever shape it has. */
export function providerMessage(data: unknown): string | undefined {
	if (data === undefined || data === null || data === '') return undefined;
	if (Buffer.isBuffer(data)) return providerMessage(tryParse(data.toString('utf8')));
	if (typeof data === 'string') {
		const parsed = tryParse(data);
		return typeof parsed === 'string' ? data.slice(0, 500) : providerMessage(parsed);
	}
	if (typeof data !== 'object') return String(data);
	const body = data as IDataObject;
	for (const key of [
		'message',
		'error_description',
		'error',
		'detail',
		'title',
		'errorMessage',
		'description',
		'argumentError',
	]) {
		const value = body[key];
		if (typeof value === 'string' && value) return value;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			const nested = providerMessage(value);
			if (nested) return nested;
		}
	}
	if (Array.isArray(body.errors))
		return (body.errors as unknown[]).map((e) => providerMessage(e) ?? String(e)).join('; ');
	// Field-keyed validation errors: { "name.first_name": ["The field is required"] }
	const fieldMessages = Object.entries(body)
		.filter(([, value]) => Array.isArray(value) && value.every((v) => typeof v === 'string'))
		.map(([field, value]) => `${field}: ${(value as string[]).join(', ')}`);
	if (fieldMessages.length) return fieldMessages.join('; ');
	if (body.errors && typeof body.errors === 'object') return providerMessage(body.errors);
	return undefined;
}

/** JSON when the text is JSON, else the text. */
export function tryParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
