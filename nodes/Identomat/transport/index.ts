import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FullResponse, RequestContext } from '../../shared/request';
import { providerRequest } from '../../shared/request';
import { tryParse } from '../../shared/responseErrors';
import { verifyHmacSignature } from '../../shared/signature';
import { credentialSettings } from '../../shared/auth';
import { baseUrlOf } from './hosts';

export const CREDENTIAL_TYPE = 'identomatApi';

export async function identomatBaseUrl(ctx: RequestContext): Promise<string> {
	return baseUrlOf(await credentialSettings(ctx, CREDENTIAL_TYPE));
}

/** The widget address the person opens for a session. */
export function widgetUrl(baseUrl: string, sessionToken: string): string {
	return `${baseUrl}/?session_token=${encodeURIComponent(sessionToken)}`;
}

function parseJson(raw: Buffer): unknown {
	const text = raw.toString('utf8');
	return text.trim() === '' ? undefined : tryParse(text);
}

/**
 * Identomat answers some failures with a bare string code (e.g. "COMPANY_KEY_INVALID") or a JSON
 * object naming an argument error, possibly with HTTP 200 (the status codes are not documented).
 * Returns the provider's words when the body is such an error.
 */
export function identomatErrorOf(body: unknown): string | undefined {
	if (typeof body === 'string' && /^[A-Z][A-Z0-9_]{2,}$/.test(body.trim())) return body.trim();
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const b = body as IDataObject;
		for (const key of ['argumentError', 'error', 'errorMessage']) {
			if (b[key] !== undefined && b[key] !== null && b[key] !== '') {
				return typeof b[key] === 'string' ? (b[key] as string) : JSON.stringify(b[key]);
			}
		}
	}
	return undefined;
}

const ERROR_HINTS: Record<string, string> = {
	COMPANY_KEY_INVALID: 'Check the Company Key in the Identomat credential.',
};

function apiError(
	ctx: RequestContext,
	message: string,
	description: string,
	itemIndex?: number,
	httpCode?: number,
) {
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message: `Identomat: ${message}`,
		description,
		itemIndex,
		...(httpCode ? { httpCode: String(httpCode) } : {}),
		...(message === 'COMPANY_KEY_INVALID'
			? { failure: { cause: 'credential-invalid' as const } }
			: {}),
	});
}

export interface IdentomatResponse {
	/** Parsed JSON body (undefined for a file). */
	body: unknown;
	raw: Buffer;
	headers: IDataObject;
}

/**
 * One POST to `/external-api/<endpoint>` (trailing slash included). The credential adds
 * `company_key`, encodes the parameters and signs them. The response is read as raw bytes, so
 * that its HMAC signature (when a Secret Key is set) is checked over exactly what Identomat sent,
 * and only then parsed as JSON here.
 */
export async function identomatRequest(
	ctx: RequestContext,
	endpoint: string,
	params: IDataObject,
	options: { itemIndex?: number; file?: boolean } = {},
): Promise<IdentomatResponse> {
	const credentials = await credentialSettings(ctx, CREDENTIAL_TYPE);
	const secret = typeof credentials.secretKey === 'string' ? credentials.secretKey : '';
	const baseUrl = baseUrlOf(credentials);
	const { itemIndex } = options;

	const verifyResponse = (response: FullResponse) => {
		const raw = response.body as Buffer;
		const contentType = String(response.headers['content-type'] ?? '');
		const isFile = options.file && !/json|text\/plain/i.test(contentType);
		// Error answers are not signed (HMAC page), so they are recognised before the signature check.
		if (!isFile) {
			const problem = identomatErrorOf(parseJson(raw));
			if (problem) {
				throw apiError(
					ctx,
					problem,
					ERROR_HINTS[problem] ??
						'Identomat refused the request. Check the session token and the parameters.',
					itemIndex,
					response.statusCode,
				);
			}
		}
		if (!secret) return;
		const header = String(response.headers.authorization ?? '');
		const match = /^\s*signature="([^"]*)"\s*$/.exec(header);
		const verdict = verifyHmacSignature({
			secret,
			payload: raw,
			received: match ? match[1] : undefined,
			encoding: 'base64',
		});
		if (!verdict.valid) {
			throw apiError(
				ctx,
				`The response signature is not valid (${verdict.reason}), so the response was discarded`,
				'A Secret Key is set in the credential, so every successful Identomat response must be signed with it. Check the Secret Key; if it is right, the response was altered on the way.',
				itemIndex,
			);
		}
	};

	const response = (await providerRequest(
		ctx,
		{ provider: 'Identomat', credentialType: CREDENTIAL_TYPE, verifyResponse },
		{
			method: 'POST',
			url: `${baseUrl}/external-api/${endpoint}`,
			body: params,
			binary: true,
			// begin/ creates a session; the others only read or delete, so repeating them is harmless.
			idempotent: endpoint !== 'begin/',
		},
		itemIndex,
	)) as FullResponse;
	const raw = response.body as Buffer;
	const contentType = String(response.headers['content-type'] ?? '');
	const body = options.file && !/json/i.test(contentType) ? undefined : parseJson(raw);
	return { body, raw, headers: response.headers };
}
