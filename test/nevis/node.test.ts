import { testCredential } from '../harness/credentialTest';
import { KEY, useNevis } from './helpers';

describe('Nevis', () => {
	const { sb, raw, cred, run, startSession, byId, api } = useNevis();

	describe('credential', () => {
		it('tests by starting a session with the Bearer key: a wrong key fails even though /ping answers anyone', async () => {
			// The pessimistic sandbox: /ping is not documented to check the key, so it answers PONG to anyone.
			expect((await raw.get(`${sb.nevis.baseUrl}/ping`)).data).toBe('PONG');
			expect((await testCredential('nevisApi', cred())).status).toBe('OK');
			const bad = await testCredential('nevisApi', cred({ accessToken: 'wrong-key' }));
			expect(bad.status).toBe('Error');
			expect(bad.message).not.toContain('wrong-key');
			const log = sb
				.requests('nevis')
				.filter((e: any) => e.path !== '/ping')
				.map((e: any) => [e.method, e.path, e.status]);
			expect(log[0]).toEqual(['POST', '/api/v1/idverification/sessions', 200]);
			expect(log.length).toBeGreaterThan(1);
			expect(
				log
					.slice(1)
					.every(
						([method, path, status]: [string, string, number]) =>
							method === 'POST' && path === '/api/v1/idverification/sessions' && status === 401,
					),
			).toBe(true);
		});

		it('the test follows the Identity Verification Path of the credential', async () => {
			sb.nevis.setConfig({ idvPrefix: '/custom/idv/sessions' });
			expect(
				(await testCredential('nevisApi', cred({ idvPath: 'custom/idv/sessions/' }))).status,
			).toBe('OK');
			expect(sb.requests('nevis').map((e: any) => `${e.method} ${e.path} ${e.status}`)).toEqual([
				'POST /custom/idv/sessions 200',
			]);
		});
	});

	describe('Identity Verification Session', () => {
		it('start returns sessionId and startUrl; get returns the status, then result and data when finished', async () => {
			const { sessionId, startUrl } = await startSession();
			expect(startUrl).toContain(`tc=${sessionId}`);
			const pending = await run({
				operation: 'get',
				sessionId: { __rl: true, mode: 'url', value: startUrl },
			});
			expect(pending.items[0].json).toEqual({
				sessionId: Number(sessionId), // Get keeps the answer as Nevis sent it
				status: 'pending',
				verification: expect.objectContaining({
					provider: 'nevis',
					status: 'pending',
					providerStatus: 'pending',
					person: null,
				}),
			});
			sb.nevis.startSession(sessionId);
			expect(
				(await run({ operation: 'get', sessionId: byId(sessionId) })).items[0].json,
			).toMatchObject({ status: 'in_progress', verification: { status: 'in_progress' } });
			sb.nevis.finishSession(sessionId, 'failed');
			const failed = (await run({ operation: 'get', sessionId: byId(sessionId) })).items[0]
				.json as any;
			expect(failed).toMatchObject({
				status: 'failed',
				result: { errorCodes: ['DOCUMENT_EXPIRED'] },
				data: { firstName: 'Anna' },
			});
			expect(failed.verification).toMatchObject({
				status: 'rejected',
				providerStatus: 'failed',
				ids: { sessionId },
				person: { firstName: 'Anna', lastName: 'Muster' },
				document: { type: 'ID_CARD', issuingCountry: 'CHE' },
				reasons: [{ code: 'DOCUMENT_EXPIRED' }],
			});
			const log = sb.requests('nevis');
			expect(log.map((e: any) => [e.method, e.path])).toEqual([
				['POST', api],
				['GET', `${api}/${sessionId}`],
				['GET', `${api}/${sessionId}`],
				['GET', `${api}/${sessionId}`],
			]);
			expect(log[0].body ?? {}).toEqual({});
			expect(log[0].headers.authorization).toBe('[redacted]');
		});

		it('start accepts the session ID as a JSON number or string and always outputs a string', async () => {
			expect(sb.nevis.config.sessionIdType).toBe('number');
			const asNumber = await startSession();
			expect(asNumber.sessionId).toMatch(/^\d{9}$/);
			sb.nevis.setConfig({ sessionIdType: 'string' });
			const asString = await startSession();
			expect(asString.sessionId).toMatch(/^\d{9}$/);
			expect(
				sb.nevis.sessions.has(asNumber.sessionId) && sb.nevis.sessions.has(asString.sessionId),
			).toBe(true);
			// The ID flows on into Get unchanged.
			expect(
				(await run({ operation: 'get', sessionId: byId(asNumber.sessionId) })).items[0].json,
			).toMatchObject({ status: 'pending' });
		});

		it('instance ID, custom path prefix and query lookup from the credential', async () => {
			sb.nevis.setConfig({
				idvPrefix: '/idv-api/v2/sessions',
				lookup: 'query',
				lookupQueryParam: 'id',
			});
			const credentials = cred({
				idvPath: 'idv-api/v2/sessions/',
				sessionLookup: 'query',
				sessionQueryParameter: 'id',
			});
			const { sessionId } = await startSession(credentials);
			sb.nevis.finishSession(sessionId, 'verified');
			const r = await run({ operation: 'get', sessionId: byId(sessionId) }, credentials);
			expect(r.items[0].json).toMatchObject({
				status: 'verified',
				verification: { status: 'verified', document: { number: 'X1234567' } },
			});
			expect(sb.requests('nevis')[1]).toMatchObject({
				path: '/idv-api/v2/sessions',
				query: { id: sessionId },
				status: 200,
			});
			// The default path is refused by this "instance".
			const wrong = await run({ operation: 'start' });
			expect(wrong.error?.message).toContain('HTTP 404');
			// Without a Base URL the Instance ID names the host (checked without sending: the host is not local).
			const noInstance = await run(
				{ operation: 'start' },
				{ accessToken: KEY, baseUrl: '', instanceId: 'bad host!' },
			);
			expect(noInstance.error?.message).toContain('Instance ID');
		});

		it('rejects a session ID that is not nine digits before sending anything', async () => {
			// Mapped from the input (so n8n's own locator check cannot catch it first).
			const r = await run({ operation: 'get', sessionId: byId('={{ $json.id }}') }, cred(), {
				items: [{ id: '12-34' }, { id: '123456789' }],
			});
			expect(r.error?.message).toBe(
				'"Session" must be the nine-digit session ID, got "12-34" [item 0]',
			);
			const body = await run({ operation: 'start', options: { body: '[1]' } });
			expect(body.error?.message).toContain('"Request Body (JSON)" must be a JSON object');
			expect(sb.requests('nevis')).toEqual([]);
		});

		it('wait for final result polls until verified', async () => {
			const { sessionId } = await startSession();
			sb.clearRequests();
			const timer = setTimeout(() => sb.nevis.finishSession(sessionId, 'verified'), 400);
			const r = await run({
				operation: 'get',
				sessionId: byId(sessionId),
				options: { waitForFinalResult: true, timeoutSeconds: 20, initialIntervalSeconds: 0.05 },
			});
			clearTimeout(timer);
			const json = r.items[0].json as any;
			expect(json).toMatchObject({
				status: 'verified',
				finalResult: true,
				verification: { status: 'verified' },
			});
			expect(json.attempts).toBe(sb.requests('nevis').length);
			expect(json.attempts).toBeGreaterThan(2);
			expect(json.attempts).toBeLessThan(8);
		});

		it('wait for final result stops at the time limit when the person left (still pending)', async () => {
			const { sessionId } = await startSession();
			const r = await run({
				operation: 'get',
				sessionId: byId(sessionId),
				options: { waitForFinalResult: true, timeoutSeconds: 0.3, initialIntervalSeconds: 0.05 },
			});
			expect(r.items[0].json).toMatchObject({
				status: 'pending',
				finalResult: false,
				verification: { status: 'pending' },
			});
		});

		it('unknown and expired sessions are 404 errors; delete removes a session', async () => {
			const unknown = await run({ operation: 'get', sessionId: byId('123456789') });
			expect(unknown.error?.message).toBe(
				'Nevis: The resource was not found (HTTP 404): Identity verification session not found',
			);
			const { sessionId } = await startSession();
			sb.advanceClock(3601_000);
			expect(
				(await run({ operation: 'get', sessionId: byId(sessionId) })).error?.message,
			).toContain('HTTP 404');
			sb.nevis.setConfig({ expiredBehaviour: 'pending' });
			expect(
				(await run({ operation: 'get', sessionId: byId(sessionId) })).items[0].json,
			).toMatchObject({ status: 'pending' });
			// Whether the API deletes sessions is not documented: off by default, on by name here.
			sb.nevis.setConfig({ deleteSupported: true });
			const del = await run({ operation: 'delete', sessionId: byId(sessionId) });
			expect(del.items[0].json).toEqual({ deleted: true, sessionId });
			expect(sb.nevis.sessions.has(sessionId)).toBe(false);
			sb.nevis.setConfig({ deleteSupported: false });
			const other = await startSession();
			expect(
				(await run({ operation: 'delete', sessionId: byId(other.sessionId) })).error?.message,
			).toContain('HTTP 405');
		});

		it('retries an injected 502 on a read; a 429 fault is retried after Retry-After', async () => {
			const { sessionId } = await startSession();
			sb.faults.add({ provider: 'nevis', method: 'GET', path: api, status: 502, times: 1 });
			sb.faults.add({
				provider: 'nevis',
				method: 'GET',
				path: api,
				status: 429,
				retryAfter: 0,
				times: 1,
			});
			const r = await run({ operation: 'get', sessionId: byId(sessionId) });
			expect(r.error).toBeUndefined();
			expect(
				sb
					.requests('nevis')
					.slice(1)
					.map((e: any) => e.status),
			).toEqual([502, 429, 200]);
		});
	});
});
