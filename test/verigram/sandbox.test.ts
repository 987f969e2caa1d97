import { TEST_KEY, PROD_KEY, useVerigram } from './helpers';

describe('Verigram', () => {
	const { sb, raw, createFlow, testKeyHeaders, signed } = useVerigram();

	describe('sandbox enforces the documented API', () => {
		it('requires the key and the API version, and validates POST /flow', async () => {
			const url = `${sb.verigram.baseUrl}/flow`;
			const body = { callback_url: 'https://example.com/cb', person_id: 'p', locale: 'en' };
			expect((await raw.post(url, body)).status).toBe(401);
			expect(
				(
					await raw.post(url, body, {
						headers: { ...testKeyHeaders, 'X-Verigram-Api-Key': 'nope' },
					})
				).data,
			).toEqual({ error_code: 'unauthorized', message: 'Invalid API key' });
			expect(
				(await raw.post(url, body, { headers: { 'X-Verigram-Api-Key': TEST_KEY } })).status,
			).toBe(400);
			expect(
				(
					await raw.post(url, body, {
						headers: { ...testKeyHeaders, 'X-Verigram-Api-Version': '2.0.0' },
					})
				).status,
			).toBe(201);
			const missing = await raw.post(url, { locale: 'en' }, { headers: testKeyHeaders });
			expect(missing.status).toBe(422);
			expect(missing.data.message).toContain('callback_url, person_id');
			expect(
				(
					await raw.post(
						url,
						{ ...body, template: { pipeline: [{}] } },
						{ headers: testKeyHeaders },
					)
				).status,
			).toBe(422);
		});

		it('checks production signatures exactly: ts + path with query, lowercase hex, body not signed, time window', async () => {
			const create = await raw.post(
				`${sb.verigram.baseUrl}/flow`,
				{ callback_url: 'https://example.com/cb', person_id: 'p' },
				{ headers: signed('/flow') },
			);
			expect(create.status).toBe(201);
			const path = `/flow/${create.data.flow_id}/result`;
			expect(
				(await raw.get(`${sb.verigram.baseUrl}${path}`, { headers: signed(path) })).status,
			).toBe(200);
			// Wrong secret, wrong path, upper-case hex, stale timestamp, no signature: all refused with 403.
			expect(
				(
					await raw.get(`${sb.verigram.baseUrl}${path}`, {
						headers: signed(path, undefined, 'wrong'),
					})
				).status,
			).toBe(403);
			expect(
				(await raw.get(`${sb.verigram.baseUrl}${path}`, { headers: signed('/flow') })).status,
			).toBe(403);
			const upper = signed(path);
			upper['X-Verigram-Hmac-SHA256'] = upper['X-Verigram-Hmac-SHA256'].toUpperCase();
			expect((await raw.get(`${sb.verigram.baseUrl}${path}`, { headers: upper })).status).toBe(403);
			const stale = await raw.get(`${sb.verigram.baseUrl}${path}`, {
				headers: signed(path, String(Math.floor(Date.now() / 1000) - 3600)),
			});
			expect(stale.status).toBe(403);
			expect(stale.data.message).toContain('window');
			expect(
				(
					await raw.get(`${sb.verigram.baseUrl}${path}`, {
						headers: { 'X-Verigram-Api-Key': PROD_KEY, 'X-Verigram-Api-Version': '2.0' },
					})
				).status,
			).toBe(403);
			// The query string is part of the signed path.
			const q = `/resources/access-token?person_id=abc`;
			expect(
				(
					await raw.get(`${sb.verigram.baseUrl}${q}`, {
						headers: { ...signed(q), 'X-Verigram-Api-Version': '1.1' },
					})
				).status,
			).toBe(200);
			expect(
				(
					await raw.get(`${sb.verigram.baseUrl}${q}`, {
						headers: { ...signed('/resources/access-token'), 'X-Verigram-Api-Version': '1.1' },
					})
				).status,
			).toBe(403);
		});

		it('rate-limits test keys only (429 with Retry-After)', async () => {
			sb.verigram.setConfig({ testKeyRateLimit: { limit: 2, windowSeconds: 60 } });
			const url = `${sb.verigram.baseUrl}/flow/none/result`;
			expect((await raw.get(url, { headers: testKeyHeaders })).status).toBe(404);
			expect((await raw.get(url, { headers: testKeyHeaders })).status).toBe(404);
			const limited = await raw.get(url, { headers: testKeyHeaders });
			expect(limited.status).toBe(429);
			expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
			for (let i = 0; i < 3; i++)
				expect((await raw.get(url, { headers: signed('/flow/none/result') })).status).toBe(404);
		});

		it('hosted page finishes the flow and redirects the browser to callback_url as is (nothing appended unless callbackFlowIdParam is set)', async () => {
			const { flow_id, vlink } = await createFlow();
			expect((await raw.get(vlink)).status).toBe(200);
			const done = await raw.post(vlink, 'outcome=fail', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(done.status).toBe(302);
			expect(done.headers.location).toBe('https://example.com/cb');
			sb.verigram.setConfig({ callbackFlowIdParam: 'flow_id' });
			const other = await createFlow();
			const back = await raw.post(other.vlink, 'outcome=pass', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(back.headers.location).toBe(`https://example.com/cb?flow_id=${other.flow_id}`);
			expect(
				(
					await raw.post(vlink, 'outcome=pass', {
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					})
				).status,
			).toBe(410);
			expect(sb.verigram.result(flow_id)).toMatchObject({
				flow_status: 'fail',
				end_cause: 'completed',
			});
		});
		it('controls, fault bodies and the edges of the API and the hosted page', async () => {
			const base = sb.verigram.baseUrl;
			const control = `${sb.url}/_control/verigram`;
			const headers = { headers: { ...testKeyHeaders, 'Content-Type': 'application/json' } };
			expect((await raw.get(`${control}/config`)).data.errorShape).toBe('error_code');
			const patched = await raw.patch(`${control}/config`, { flowTtlSeconds: 60 });
			expect(patched.data).toMatchObject({ flowTtlSeconds: 60, badKeyStatus: 401 });
			expect((await raw.post(`${control}/flows/nope/finish`, {})).data).toEqual({
				error: 'flow nope not found',
			});
			const bad = await raw.post(`${base}/flow`, '{"a":', headers);
			expect([bad.status, bad.data]).toEqual([
				400,
				{ error_code: 'bad_request', message: 'Malformed JSON body' },
			]);
			const none = await raw.get(`${base}/nope`, headers);
			expect([none.status, none.data]).toEqual([
				404,
				{ error_code: 'not_found', message: 'No route for GET /nope' },
			]);
			sb.faults.add({ provider: 'verigram', status: 503 });
			const fault = await raw.get(`${base}/flow/x`, headers);
			expect([fault.status, fault.data]).toEqual([
				503,
				{ error_code: 'internal_error', message: 'Injected fault 503' },
			]);
			sb.verigram.setConfig({ errorShape: 'detail' });
			expect((await raw.get(`${base}/flow/x`, headers)).data).toEqual({ detail: 'Flow not found' });
			sb.verigram.setConfig({ errorShape: 'error_code' });

			// Hosted page: unknown flow, unknown outcome, start only; the control finishes a flow.
			const { flow_id, vlink } = await createFlow();
			expect((await raw.get(`${base}/hf2/nope/`)).status).toBe(404);
			const form = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
			expect((await raw.post(vlink, 'outcome=maybe', form)).status).toBe(400);
			expect((await raw.post(vlink, 'outcome=start', form)).status).toBe(200);
			expect((await raw.get(`${base}/flow/${flow_id}`, headers)).data.status).toBe('in_progress');
			const unfinished = await raw.get(`${base}/flow/${flow_id}/result`, headers);
			expect(unfinished.data).toEqual({ flow_status: null, end_cause: null, services: [] });
			const finished = await raw.post(`${control}/flows/${flow_id}/finish`, { outcome: 'pass' });
			expect(finished.data).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
			expect((await raw.get(vlink)).status).toBe(410);
			// The signed document of a passed flow; a mocked service result replaces the fixture.
			const file = await raw.get(`${base}/resources/file?label=signed_doc&flow_id=${flow_id}`, {
				headers: testKeyHeaders,
				responseType: 'arraybuffer',
			});
			expect([file.status, file.headers['content-type']]).toEqual([200, 'application/pdf']);
			expect(Buffer.from(file.data).subarray(0, 5).toString()).toBe('%PDF-');
			const mock = { person_id: 'client-2', service_name: 'kisc', service_status: 'fail' };
			expect((await raw.post(`${base}/mockery/result`, mock, headers)).status).toBe(201);
			const second = await createFlow('client-2');
			await raw.post(second.vlink, 'outcome=pass', form);
			expect(sb.verigram.result(second.flow_id).services).toEqual([
				{ service_name: 'verilive', service_status: 'success', liveness: true },
				{ service_name: 'kisc', service_status: 'fail' },
			]);
			// An unfinished flow ends after flowTtlSeconds with fail and expiredEndCause.
			const third = await createFlow();
			sb.advanceClock(61_000);
			expect(sb.verigram.result(third.flow_id)).toEqual({
				flow_status: 'fail',
				end_cause: 'expired',
				services: [],
			});
		});
	});
});
