import * as http from 'http';

import { PAT, useAmiqusApi } from './helpers';

describe('Amiqus sandbox', () => {
	const { sb, api, raw } = useAmiqusApi();

	describe('fault injection', () => {
		it('injects 429 with Retry-After for a method and path prefix, a limited number of times', async () => {
			sb.faults.add({
				provider: 'amiqus',
				method: 'POST',
				path: '/clients',
				status: 429,
				retryAfter: 7,
				times: 2,
			});
			const a = await api.post('/clients', {});
			expect(a.status).toBe(429);
			expect(a.headers['retry-after']).toBe('7');
			expect(a.headers['x-ratelimit-reset']).toBeDefined();
			expect((await api.get('/clients')).status).toBe(200); // GET is not matched
			expect((await api.post('/clients', {})).status).toBe(429);
			expect((await api.post('/clients', {})).status).toBe(422);
		});

		it('injects 503, drops connections and delays responses', async () => {
			sb.faults.add({ provider: 'amiqus', status: 503, times: 2 });
			expect((await api.get('/status')).status).toBe(503);
			expect((await api.get('/status')).status).toBe(503);
			expect((await api.get('/status')).status).toBe(204);

			sb.faults.add({ provider: 'amiqus', drop: true, times: 1 });
			await expect(api.get('/status')).rejects.toThrow(/socket hang up|ECONNRESET/);
			expect((await api.get('/status')).status).toBe(204);

			sb.faults.add({ provider: 'amiqus', delayMs: 300, times: 1 });
			const t0 = Date.now();
			expect((await api.get('/status')).status).toBe(204);
			expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		});

		it('works over the HTTP control API and records requests with redacted auth', async () => {
			const f = await raw.post(`${sb.url}/_control/faults`, {
				provider: 'amiqus',
				path: '/me',
				status: 500,
			});
			expect(f.status).toBe(201);
			expect((await api.get('/me')).status).toBe(500);
			const log = await raw.get(`${sb.url}/_control/requests`, { params: { provider: 'amiqus' } });
			expect(log.data).toHaveLength(1);
			expect(log.data[0]).toMatchObject({ method: 'GET', path: '/me', status: 500 });
			expect(log.data[0].headers.authorization).toBe('[redacted]');
			expect(JSON.stringify(log.data)).not.toContain(PAT);
			const cfg = await raw.patch(`${sb.url}/_control/amiqus/config`, { errorShape: 'list' });
			expect(cfg.data.errorShape).toBe('list');
			await raw.post(`${sb.url}/_control/reset`);
			expect(sb.amiqus.config.errorShape).toBe('fields');
			expect(sb.requests('amiqus')).toHaveLength(0);
		});
	});

	describe('OAuth 2.0', () => {
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
		const token = (o: Record<string, string>) =>
			raw.post(
				`${sb.amiqus.oauthUrl}/token`,
				form({
					client_id: 'sandbox-client',
					client_secret: 'sandbox-client-secret',
					redirect_uri: redirectUri,
					...o,
				}),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			);
		const authorize = async (auto: string) => {
			const r = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: {
					client_id: 'sandbox-client',
					redirect_uri: redirectUri,
					response_type: 'code',
					state: 'xyz',
					auto,
				},
			});
			expect(r.status).toBe(302);
			return new URL(r.headers.location);
		};

		it('serves a consent page and redirects with access_denied on deny', async () => {
			const page = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: {
					client_id: 'sandbox-client',
					redirect_uri: redirectUri,
					response_type: 'code',
					state: 's',
				},
			});
			expect(page.data).toContain('Approve');
			expect(page.data).toContain('Deny');
			const denied = await authorize('deny');
			expect(denied.searchParams.get('error')).toBe('access_denied');
			expect(denied.searchParams.get('state')).toBe('xyz');
			const badClient = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: { client_id: 'x', redirect_uri: redirectUri, response_type: 'code' },
			});
			expect(badClient.status).toBe(401);
		});

		it('exchanges a single-use code and rotates single-use refresh tokens', async () => {
			const loc = await authorize('approve');
			expect(loc.searchParams.get('state')).toBe('xyz');
			const code = loc.searchParams.get('code')!;
			const t1 = await token({ grant_type: 'authorization_code', code });
			expect(t1.status).toBe(200);
			expect(t1.data).toEqual({
				token_type: 'Bearer',
				expires_in: 31536000,
				access_token: expect.any(String),
				refresh_token: expect.any(String),
			});
			expect((await token({ grant_type: 'authorization_code', code })).data.error).toBe(
				'invalid_grant',
			);
			const me = await raw.get(`${sb.amiqus.baseUrl}/me`, {
				headers: { Authorization: `Bearer ${t1.data.access_token}` },
			});
			expect(me.status).toBe(200);

			const t2 = await token({ grant_type: 'refresh_token', refresh_token: t1.data.refresh_token });
			expect(t2.status).toBe(200);
			expect(t2.data.access_token).not.toBe(t1.data.access_token);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t1.data.access_token}` },
					})
				).status,
			).toBe(401);
			expect(
				(await token({ grant_type: 'refresh_token', refresh_token: t1.data.refresh_token })).status,
			).toBe(400);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t2.data.access_token}` },
					})
				).status,
			).toBe(200);

			const exp = await raw.post(`${sb.url}/_control/amiqus/oauth/expire`, {});
			expect(exp.data.expired).toBeGreaterThan(0);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t2.data.access_token}` },
					})
				).status,
			).toBe(401);
			expect(
				(await token({ grant_type: 'refresh_token', refresh_token: t2.data.refresh_token })).status,
			).toBe(200);
		});

		it('rejects bad client secrets, JSON bodies and expired codes', async () => {
			expect(
				(await token({ grant_type: 'authorization_code', code: 'x', client_secret: 'wrong' }))
					.status,
			).toBe(401);
			const json = await raw.post(`${sb.amiqus.oauthUrl}/token`, {
				grant_type: 'authorization_code',
			});
			expect(json.status).toBe(400);
			const code = (await authorize('approve')).searchParams.get('code')!;
			sb.advanceClock(11 * 60 * 1000);
			expect((await token({ grant_type: 'authorization_code', code })).data.error).toBe(
				'invalid_grant',
			);
		});
	});
});
