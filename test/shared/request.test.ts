import { inspect } from 'util';
import type { INode } from 'n8n-workflow';

import {
	credentialSecrets,
	redactError,
	redactSecrets,
	secretValuesOf,
} from '../../nodes/shared/redact';
import type { RequestContext } from '../../nodes/shared/request';
import {
	describeRequestError,
	isNetworkError,
	providerMessage,
	retryAfterMs,
	toNodeApiError,
} from '../../nodes/shared/request';

const node: INode = {
	id: '1',
	name: 'Amiqus',
	type: 'n8n-nodes-identity-verification.amiqus',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const ctx = { getNode: () => node } as unknown as RequestContext;

/** An error shaped like the one n8n's request helper throws for an HTTP answer. */
const httpError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
	Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers, data },
	});

describe('retryAfterMs', () => {
	const now = Date.parse('2026-05-01T12:00:00Z');
	it('reads seconds and HTTP dates, in either header casing', () => {
		expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
		expect(retryAfterMs({ 'Retry-After': 0.5 }, now)).toBe(500);
		expect(retryAfterMs({ 'retry-after': 'Fri, 01 May 2026 12:00:30 GMT' }, now)).toBe(30_000);
	});
	it('never waits a negative time, and ignores what it cannot read', () => {
		expect(retryAfterMs({ 'retry-after': '-5' }, now)).toBe(0);
		expect(retryAfterMs({ 'retry-after': 'Fri, 01 May 2026 11:00:00 GMT' }, now)).toBe(0);
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': '' }, now)).toBeUndefined();
		expect(retryAfterMs({}, now)).toBeUndefined();
	});
});

describe('providerMessage', () => {
	it("finds the provider's own words in every body shape the providers use", () => {
		expect(providerMessage({ message: 'Record not found' })).toBe('Record not found');
		expect(providerMessage({ error: { message: 'nested' } })).toBe('nested');
		expect(providerMessage({ error_description: 'invalid_client' })).toBe('invalid_client');
		expect(providerMessage({ errors: [{ message: 'a' }, 'b'] })).toBe('a; b');
		expect(providerMessage({ 'name.first_name': ['The field is required'] })).toBe(
			'name.first_name: The field is required',
		);
		expect(providerMessage(Buffer.from('{"detail":"from bytes"}'))).toBe('from bytes');
		expect(providerMessage('plain text answer')).toBe('plain text answer');
		expect(providerMessage('x'.repeat(800))).toHaveLength(500);
		expect(providerMessage('')).toBeUndefined();
		expect(providerMessage({ unrelated: 1 })).toBeUndefined();
	});
});

describe('describeRequestError and isNetworkError', () => {
	it('reads status, headers and body from the error or its cause', () => {
		expect(describeRequestError(httpError(404, { message: 'x' }))).toMatchObject({
			status: 404,
			data: { message: 'x' },
		});
		expect(
			describeRequestError({ message: 'wrapped', cause: httpError(503, 'down') }),
		).toMatchObject({ status: 503, data: 'down' });
		expect(describeRequestError({ message: 'n8n error', httpCode: '429' })).toMatchObject({
			status: 429,
		});
	});
	it('tells network failures from answered requests', () => {
		expect(
			isNetworkError(
				describeRequestError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
			),
		).toBe(true);
		expect(
			isNetworkError(
				describeRequestError(
					Object.assign(new Error('getaddrinfo ENOTFOUND host'), { code: 'ENOTFOUND' }),
				),
			),
		).toBe(true);
		expect(isNetworkError(describeRequestError(new Error('timeout of 3000ms exceeded')))).toBe(
			true,
		);
		expect(isNetworkError(describeRequestError(httpError(500, {})))).toBe(false);
		expect(isNetworkError(describeRequestError(new Error('something else')))).toBe(false);
	});
});

describe('toNodeApiError', () => {
	it('names the provider, the status and their message, with a hint per status', () => {
		const error = toNodeApiError(
			ctx,
			'Amiqus',
			httpError(422, { message: 'The email is invalid' }),
			3,
		);
		expect(error.message).toBe(
			'Amiqus: The provider refused the values sent (HTTP 422): The email is invalid',
		);
		expect(error.description).toBe('Correct the fields named in the message.');
		expect(error.httpCode).toBe('422');
		expect(error.context.itemIndex).toBe(3);
		expect(toNodeApiError(ctx, 'Nevis', httpError(502, '')).message).toBe(
			'Nevis: The provider had an internal problem (HTTP 502)',
		);
		expect(toNodeApiError(ctx, 'Nevis', httpError(418, {})).message).toBe(
			'Nevis: The request was refused (HTTP 418)',
		);
		expect(
			toNodeApiError(
				ctx,
				'Nevis',
				Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
			).message,
		).toBe('Nevis: The provider could not be reached');
	});

	it('declares rate limits (with the wait asked for) and refused credentials', () => {
		const limited = toNodeApiError(ctx, 'Amiqus', httpError(429, {}, { 'retry-after': '7' }));
		expect((limited as unknown as { failure: unknown }).failure).toEqual({
			cause: 'rate-limited',
			retryAfterMs: 7000,
		});
		expect(
			(toNodeApiError(ctx, 'Amiqus', httpError(401, {})) as unknown as { failure: unknown })
				.failure,
		).toEqual({ cause: 'credential-invalid' });
	});

	it("redacts secret keys, Bearer credentials and the credential's own values the provider echoed", () => {
		const token = 'tok_4f9a8b7c6d5e4f3a2b1c';
		const error = toNodeApiError(
			ctx,
			'Amiqus',
			httpError(400, {
				message: `Token ${token} is not valid (sent as Bearer abc.def)`,
				access_token: 'at-123456789',
				echo: { value: token },
			}),
			0,
			[token],
		);
		const everything = inspect(error, { depth: 10 }) + JSON.stringify(error);
		expect(everything).not.toContain(token);
		expect(everything).not.toContain('abc.def');
		expect(everything).not.toContain('at-123456789');
		expect(error.message).toBe(
			'Amiqus: The request was refused as malformed (HTTP 400): Token [redacted] is not valid (sent as Bearer [redacted])',
		);
	});
});

describe('redaction of real secret values', () => {
	it('secretValuesOf takes tokens, keys, secrets and passwords (also OAuth2 token data), not URLs or short values', () => {
		const values = secretValuesOf({
			accessToken: 'personal-access-token-1',
			companyApiKey: 'company-key-123456',
			clientSecret: 'client-secret-abcdef',
			webhookPassword: 'hook-password-123',
			clientId: 'client-id-not-secret',
			accessTokenUrl: 'https://id.example.com/oauth/token',
			apiVersion: 'v2',
			oauthTokenData: {
				access_token: 'oauth-access-0987654321',
				token_type: 'Bearer',
				refresh_token: 'oauth-refresh-1234567',
			},
			apiKey: 'short',
		});
		expect(values.sort()).toEqual(
			[
				'personal-access-token-1',
				'company-key-123456',
				'client-secret-abcdef',
				'hook-password-123',
				'oauth-access-0987654321',
				'oauth-refresh-1234567',
			].sort(),
		);
	});

	it('redactSecrets replaces each value, as sent or percent-encoded, in text, arrays and objects', () => {
		const secret = 'key+with/odd=chars';
		const out = redactSecrets(
			{ message: `bad ${secret} and ${encodeURIComponent(secret)}`, list: [`x${secret}y`], n: 1 },
			[secret],
		);
		expect(out).toEqual({ message: 'bad [redacted] and [redacted]', list: ['x[redacted]y'], n: 1 });
	});

	it('redactError cleans message, description, messages and the kept provider answer in place', () => {
		const secret = 'company-key-123456';
		const error = Object.assign(new Error(`refused ${secret}`), {
			description: `key ${secret}`,
			messages: [secret],
			errorResponse: { body: secret },
			context: { data: { echo: secret } },
		});
		redactError(error, [secret]);
		expect(inspect(error, { depth: 10 })).not.toContain(secret);
		expect(error.message).toBe('refused [redacted]');
	});

	it('credentialSecrets reads every credential of the node, and an unreadable one adds nothing', async () => {
		const withCredentials = {
			getNode: () => ({
				...node,
				credentials: { amiqusApi: { id: '1', name: 'a' }, broken: { id: '2', name: 'b' } },
			}),
			getCredentials: async (type: string) => {
				if (type === 'broken') throw new Error('cannot decrypt');
				return { accessToken: 'personal-access-token-1', baseUrl: 'https://id.amiqus.co/api/v2' };
			},
		} as unknown as RequestContext;
		expect(await credentialSecrets(withCredentials)).toEqual(['personal-access-token-1']);
	});
});
