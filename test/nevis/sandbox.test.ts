import { KEY, FORM, useNevis } from './helpers';

describe('Nevis', () => {
	const { sb, raw, api } = useNevis();

	describe('sandbox enforces the documented API', () => {
		it('Bearer key on every route, nine-digit ids, status only while unfinished', async () => {
			const base = sb.nevis.baseUrl;
			expect((await raw.post(`${base}${api}`, {})).status).toBe(401);
			expect(
				(await raw.post(`${base}${api}`, {}, { headers: { Authorization: 'Bearer wrong' } }))
					.status,
			).toBe(401);
			// Whether /ping checks the key is not documented: by default it answers anyone; pingRequiresKey refuses.
			expect((await raw.get(`${base}/ping`)).data).toBe('PONG');
			sb.nevis.setConfig({ pingRequiresKey: true });
			expect((await raw.get(`${base}/ping`)).status).toBe(401);
			const ping = await raw.get(`${base}/ping`, { headers: { Authorization: `Bearer ${KEY}` } });
			expect(ping.data).toBe('PONG');
			const auth = { headers: { Authorization: `Bearer ${KEY}` } };
			const started = await raw.post(`${base}${api}`, {}, auth);
			// "A unique nine-digit identifier" of no documented type: a JSON number by default.
			expect(typeof started.data.sessionId).toBe('number');
			expect(String(started.data.sessionId)).toMatch(/^\d{9}$/);
			expect(started.data.startUrl).toBe(`${base}/idv/welcome.html?tc=${started.data.sessionId}`);
			expect((await raw.get(`${base}${api}/${started.data.sessionId}`, auth)).data).toEqual({
				sessionId: started.data.sessionId,
				status: 'pending',
			});
			expect((await raw.get(`${base}${api}/12345`, auth)).status).toBe(400);
			// Query lookup is refused unless the sandbox is set to it (the real shape is not documented).
			expect(
				(await raw.get(`${base}${api}?sessionId=${started.data.sessionId}`, auth)).status,
			).toBe(405);
		});

		it('rate limit (none documented) can be switched on: 429 with Retry-After', async () => {
			sb.nevis.setConfig({ rateLimit: { limit: 1, windowSeconds: 30, enforce: true } });
			const auth = { headers: { Authorization: `Bearer ${KEY}` } };
			expect((await raw.post(`${sb.nevis.baseUrl}${api}`, {}, auth)).status).toBe(200);
			const limited = await raw.post(`${sb.nevis.baseUrl}${api}`, {}, auth);
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toBe('30');
		});

		it('hosted page: leaving keeps the session pending; finishing redirects to the instance redirect URL', async () => {
			sb.nevis.setConfig({ redirectUrl: 'https://portal.example.com/back' });
			const a = (
				await raw.post(
					`${sb.nevis.baseUrl}${api}`,
					{},
					{ headers: { Authorization: `Bearer ${KEY}` } },
				)
			).data;
			expect((await raw.get(a.startUrl)).status).toBe(200);
			const left = await raw.post(a.startUrl, 'outcome=leave', FORM);
			expect(left.status).toBe(200);
			expect(sb.nevis.view(a.sessionId).status).toBe('pending');
			const done = await raw.post(a.startUrl, 'outcome=verified', FORM);
			expect(done.status).toBe(302);
			// No session id on the redirect unless redirectSessionParam is set (not documented).
			expect(done.headers.location).toBe('https://portal.example.com/back');
			sb.nevis.setConfig({ redirectSessionParam: 'sessionId' });
			const b = (
				await raw.post(
					`${sb.nevis.baseUrl}${api}`,
					{},
					{ headers: { Authorization: `Bearer ${KEY}` } },
				)
			).data;
			expect((await raw.post(b.startUrl, 'outcome=failed', FORM)).headers.location).toBe(
				`https://portal.example.com/back?sessionId=${b.sessionId}`,
			);
			expect(sb.nevis.view(a.sessionId)).toMatchObject({
				status: 'verified',
				data: { lastName: 'Muster' },
			});
		});
		it('controls, fault bodies and the edges of the API and the hosted page', async () => {
			const base = sb.nevis.baseUrl;
			const control = `${sb.url}/_control/nevis`;
			const auth = { headers: { Authorization: `Bearer ${KEY}` } };
			expect((await raw.get(`${control}/config`)).data.sessionTtlSeconds).toBe(3600);
			const patched = await raw.patch(`${control}/config`, { sessionTtlSeconds: 60 });
			expect(patched.data).toMatchObject({ sessionTtlSeconds: 60, lookup: 'path' });
			expect((await raw.post(`${control}/sessions/123456789/finish`, {})).data).toEqual({
				error: 'session 123456789 not found',
			});
			const bad = await raw.post(`${base}${api}`, '{"a":', {
				headers: { ...auth.headers, 'Content-Type': 'application/json' },
			});
			expect([bad.status, bad.data]).toEqual([
				400,
				{ code: 'bad_request', message: 'Malformed JSON body' },
			]);
			const none = await raw.get(`${base}/nope`);
			expect([none.status, none.data]).toEqual([
				404,
				{ code: 'not_found', message: 'No route for GET /nope' },
			]);
			sb.faults.add({ provider: 'nevis', status: 503 });
			const fault = await raw.get(`${base}/ping`);
			expect([fault.status, fault.data]).toEqual([
				503,
				{ code: 'error', message: 'Injected fault 503' },
			]);

			const a = (await raw.post(`${base}${api}`, {}, auth)).data;
			expect((await raw.post(a.startUrl, 'outcome=maybe', FORM)).status).toBe(400);
			expect((await raw.get(`${base}/idv/welcome.html?tc=123456789`)).status).toBe(404);
			const ended = await raw.post(`${control}/sessions/${a.sessionId}/finish`, {
				outcome: 'failed',
			});
			expect(ended.data).toMatchObject({ sessionId: a.sessionId, status: 'failed' });
			expect((await raw.get(a.startUrl)).status).toBe(410);
			// No redirect URL configured: the page says so instead of redirecting.
			const b = (await raw.post(`${base}${api}`, {}, auth)).data;
			const done = await raw.post(b.startUrl, 'outcome=verified', FORM);
			expect([done.status, done.data]).toEqual([200, expect.stringContaining('No redirect URL')]);
			// An unfinished session times out: 404 by default, still pending with expiredBehaviour 'pending'.
			const c = (await raw.post(`${base}${api}`, {}, auth)).data;
			sb.advanceClock(61_000);
			expect((await raw.get(`${base}${api}/${c.sessionId}`, auth)).status).toBe(404);
			expect((await raw.get(c.startUrl)).status).toBe(404);
			sb.nevis.setConfig({ expiredBehaviour: 'pending' });
			expect((await raw.get(`${base}${api}/${c.sessionId}`, auth)).data.status).toBe('pending');
			expect((await raw.get(`${base}${api}/${b.sessionId}`, auth)).data.status).toBe('verified');
		});
	});
});
