import type { IDataObject } from 'n8n-workflow';

import { testCredential } from '../harness/credentialTest';
import { TEST_KEY, useVerigram } from './helpers';

describe('Verigram', () => {
	const { sb, raw, testCred, prodCred, run, createFlow, signed } = useVerigram();
	/** Flow › Create parameters (locale en). */
	const flowCreate = (callbackUrl: string, personId: string, extra: IDataObject = {}) => ({
		resource: 'flow',
		operation: 'create',
		callbackUrl,
		personId,
		locale: 'en',
		...extra,
	});
	/** Flow › Get or Get Result parameters for a flow ID. */
	const flowOp = (operation: string, flowId: string, extra: IDataObject = {}) => ({
		resource: 'flow',
		operation,
		flowId: { __rl: true, mode: 'id', value: flowId },
		...extra,
	});

	describe('credential', () => {
		it('test passes for a valid test key and a valid production key + secret, fails otherwise', async () => {
			expect((await testCredential('verigramApi', testCred())).status).toBe('OK');
			expect((await testCredential('verigramApi', prodCred())).status).toBe('OK');
			const badKey = await testCredential('verigramApi', { ...testCred(), apiKey: 'nope' });
			expect(badKey.status).toBe('Error');
			expect(badKey.message).not.toContain('nope');
			expect((await testCredential('verigramApi', prodCred('wrong-secret'))).status).toBe('Error');
			expect((await testCredential('verigramApi', { ...prodCred(), apiSecret: '' })).status).toBe(
				'Error',
			);
			const log = sb.requests('verigram');
			expect(log.every((e: any) => e.method === 'POST' && e.path === '/flow')).toBe(true);
			expect(log.filter((e: any) => e.status === 201).map((e: any) => e.body.person_id)).toEqual([
				'n8n-credential-test',
				'n8n-credential-test',
			]);
			expect(log.filter((e: any) => e.status === 201)).toHaveLength(2);
			expect(log.every((e: any) => [201, 401, 403].includes(e.status))).toBe(true);
			expect(log[1].verigramAuth).toEqual({
				mode: 'production',
				signedPath: '/flow',
				signature: 'valid',
			});
		});

		it('a test key passes even where the access-token route refuses test keys (the pessimistic sandbox default)', async () => {
			expect(sb.verigram.config.accessTokenForTestKeys).toBe(false);
			const direct = await raw.get(`${sb.verigram.baseUrl}/resources/access-token?person_id=x`, {
				headers: { 'X-Verigram-Api-Key': TEST_KEY, 'X-Verigram-Api-Version': '1.1' },
			});
			expect(direct.status).toBe(403);
			expect((await testCredential('verigramApi', testCred())).status).toBe('OK');
		});
	});

	describe('Flow', () => {
		it('create sends the documented body with input data and template pipeline', async () => {
			const r = await run({
				resource: 'flow',
				operation: 'create',
				callbackUrl: 'https://example.com/cb/1',
				personId: '900101300123',
				locale: 'ru',
				additionalFields: {
					inputData: '{"iin": "900101300123", "phone_number": "+77000000000"}',
					templatePipeline:
						'[{"service_name": "consent"}, {"service_name": "verilive", "max_retries": 3}]',
					logoUrl: 'https://example.com/logo.png',
				},
			});
			expect(r.error).toBeUndefined();
			const out = r.items[0].json as any;
			expect(out.flow_id).toMatch(/^[0-9a-f-]{36}$/);
			expect(out.vlink).toBe(`${sb.verigram.baseUrl}/hf2/${out.flow_id}/`);
			const [req] = sb.requests('verigram');
			expect(req).toMatchObject({ method: 'POST', path: '/flow', status: 201 });
			expect(req.headers['x-verigram-api-version']).toBe('2.0');
			expect(req.headers['x-verigram-ts']).toBeUndefined();
			expect(req.body).toEqual({
				callback_url: 'https://example.com/cb/1',
				person_id: '900101300123',
				locale: 'ru',
				input_data: { iin: '900101300123', phone_number: '+77000000000' },
				template: {
					pipeline: [{ service_name: 'consent' }, { service_name: 'verilive', max_retries: 3 }],
					ui: { logo_url: 'https://example.com/logo.png' },
				},
			});
		});

		it('bad input names the field and the item and sends nothing', async () => {
			const bad = await run(flowCreate('not a url', 'p'), testCred(), { items: [{}, {}] });
			expect(bad.error?.message).toContain('"Callback URL" must be an http(s) URL');
			expect(bad.error?.message).toContain('[item 0]');
			const pipeline = await run(
				flowCreate('https://e.com', 'p', {
					additionalFields: { templatePipeline: '[{"name": 1}]' },
				}),
			);
			expect(pipeline.error?.message).toContain('"Template Pipeline (JSON)" must be a JSON array');
			const noPerson = await run(flowCreate('https://e.com', ' '));
			expect(noPerson.error?.message).toContain('"Person ID" is required');
			expect(sb.requests('verigram')).toEqual([]);
		});

		it('get and get result (by vlink), keeping flow_status, end_cause and per-service details', async () => {
			const { flow_id, vlink } = await createFlow();
			const pending = await run({
				resource: 'flow',
				operation: 'getResult',
				flowId: { __rl: true, mode: 'url', value: vlink },
			});
			expect(pending.items[0].json).toMatchObject({
				flow_status: null,
				verification: { ids: { flowId: flow_id }, status: 'in_progress', providerStatus: null },
			});
			sb.verigram.finishFlow(flow_id, 'fail');
			const detail = await run(flowOp('get', flow_id));
			expect(detail.items[0].json).toMatchObject({
				flow_id,
				person_id: 'client-1',
				status: 'finished',
				flow_status: 'fail',
			});
			const result = await run(flowOp('getResult', flow_id));
			const json = result.items[0].json as any;
			expect(json).toMatchObject({ flow_status: 'fail', end_cause: 'completed' });
			expect(json.services).toEqual(sb.verigram.config.serviceResults.fail);
			expect(json.verification).toMatchObject({
				provider: 'verigram',
				ids: { flowId: flow_id },
				status: 'rejected',
				providerStatus: 'fail',
				reasons: [{ code: 'kisc.fail' }],
			});
			expect(sb.requests('verigram').map((e: any) => e.path)).toEqual([
				'/flow',
				`/flow/${flow_id}/result`,
				`/flow/${flow_id}`,
				`/flow/${flow_id}/result`,
			]);
		});

		it('an undocumented flow_status maps to unknown', async () => {
			sb.verigram.setConfig({ unfinishedResult: 'in_progress' });
			const { flow_id } = await createFlow();
			const r = await run(flowOp('getResult', flow_id));
			expect(r.items[0].json).toMatchObject({
				flow_status: 'in_progress',
				verification: { status: 'unknown', providerStatus: 'in_progress' },
			});
		});

		it('wait for final result polls with backoff until the flow ends', async () => {
			const { flow_id } = await createFlow();
			sb.clearRequests();
			const timer = setTimeout(() => sb.verigram.finishFlow(flow_id, 'pass'), 400);
			const r = await run(
				flowOp('getResult', flow_id, {
					options: { waitForFinalResult: true, timeoutSeconds: 20, initialIntervalSeconds: 0.05 },
				}),
			);
			clearTimeout(timer);
			const json = r.items[0].json as any;
			expect(json).toMatchObject({
				flow_status: 'pass',
				finalResult: true,
				verification: { status: 'verified' },
			});
			const reads = sb.requests('verigram').length;
			expect(json.attempts).toBe(reads);
			expect(reads).toBeGreaterThan(2);
			// Backoff: far fewer reads than a fixed 50 ms interval would make in 400 ms.
			expect(reads).toBeLessThan(8);
		});

		it('wait for final result stops at the time limit and says so', async () => {
			const { flow_id } = await createFlow();
			const r = await run(
				flowOp('getResult', flow_id, {
					options: { waitForFinalResult: true, timeoutSeconds: 0.3, initialIntervalSeconds: 0.05 },
				}),
			);
			expect(r.items[0].json).toMatchObject({
				finalResult: false,
				verification: { status: 'in_progress' },
			});
		});

		it('unknown ids fail clearly; an expired flow ends as fail with its end_cause', async () => {
			const unknown = await run(flowOp('getResult', 'no-such-flow'));
			expect(unknown.error?.message).toBe(
				'Verigram: The resource was not found (HTTP 404): Flow not found',
			);
			const cont = await run(flowOp('get', 'no-such-flow'), testCred(), { continueOnFail: true });
			expect(cont.items[0].json).toMatchObject({ message: expect.stringMatching(/\(HTTP 404\)$/) });
			const { flow_id } = await createFlow();
			sb.advanceClock(86_401_000);
			const expired = await run(flowOp('getResult', flow_id));
			expect(expired.items[0].json).toMatchObject({
				flow_status: 'fail',
				end_cause: 'expired',
				verification: { status: 'rejected', reasons: [{ code: 'end_cause.expired' }] },
			});
		});
	});

	describe('signing through the credential', () => {
		it('signs every request (path with query) and the sandbox verifies each one', async () => {
			const created = await run(flowCreate('https://example.com/cb', 'p-9'), prodCred());
			expect(created.error).toBeUndefined();
			const flowId = (created.items[0].json as any).flow_id;
			sb.verigram.finishFlow(flowId, 'pass');
			const result = await run(flowOp('getResult', flowId), prodCred());
			expect(result.items[0].json).toMatchObject({
				flow_status: 'pass',
				verification: { status: 'verified' },
			});
			const file = await run(
				{
					resource: 'file',
					operation: 'download',
					flowId: { __rl: true, mode: 'id', value: flowId },
					label: 'signed_doc',
					binaryPropertyName: 'doc',
				},
				prodCred(),
			);
			expect(file.error).toBeUndefined();
			const auths = sb.requests('verigram').map((e: any) => e.verigramAuth);
			expect(auths).toEqual([
				{ mode: 'production', signedPath: '/flow', signature: 'valid' },
				{ mode: 'production', signedPath: `/flow/${flowId}/result`, signature: 'valid' },
				{
					mode: 'production',
					signedPath: `/resources/file?label=signed_doc&flow_id=${flowId}`,
					signature: 'valid',
				},
			]);
			for (const e of sb.requests('verigram')) {
				expect(Math.abs(Number(e.headers['x-verigram-ts']) - Date.now() / 1000)).toBeLessThan(30);
				expect(e.headers['x-verigram-hmac-sha256']).toBe('[redacted]');
			}
		});

		it('a wrong secret is refused (403) and the error holds no secret', async () => {
			const r = await run(flowOp('getResult', 'x'), prodCred('not-the-secret'));
			expect(r.error?.message).toContain('HTTP 403');
			expect(JSON.stringify(r.error)).not.toContain('not-the-secret');
			expect(sb.requests('verigram')[0].verigramAuth.signature).toBe('Signature does not match');
		});
	});

	describe('File', () => {
		it('downloads the signed document as binary', async () => {
			const { flow_id } = await createFlow();
			sb.verigram.finishFlow(flow_id, 'pass');
			const r = await run({
				resource: 'file',
				operation: 'download',
				flowId: { __rl: true, mode: 'id', value: flow_id },
				label: 'signed_doc',
				binaryPropertyName: 'data',
			});
			expect(r.error).toBeUndefined();
			const item = r.items[0];
			expect(item.json).toMatchObject({
				flowId: flow_id,
				label: 'signed_doc',
				mimeType: 'application/pdf',
				fileName: `signed_doc_${flow_id}.pdf`,
			});
			expect(Buffer.from(item.binary!.data.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
			expect(sb.requests('verigram')[1]).toMatchObject({
				path: '/resources/file',
				query: { label: 'signed_doc', flow_id },
				status: 200,
			});
		});

		it('a flow without that file is an error', async () => {
			const { flow_id } = await createFlow();
			const r = await run({
				resource: 'file',
				operation: 'download',
				flowId: { __rl: true, mode: 'id', value: flow_id },
				label: 'signed_doc',
				binaryPropertyName: 'data',
			});
			expect(r.error?.message).toContain('HTTP 404');
			expect(r.error?.message).toContain('No file with label signed_doc');
		});
	});

	describe('rate limits and faults through the node', () => {
		it('retries an injected 503 on a read and succeeds', async () => {
			const { flow_id } = await createFlow();
			sb.faults.add({ provider: 'verigram', method: 'GET', path: '/flow/', status: 503, times: 1 });
			const r = await run(flowOp('get', flow_id));
			expect(r.error).toBeUndefined();
			expect(
				sb
					.requests('verigram')
					.slice(1)
					.map((e: any) => e.status),
			).toEqual([503, 200]);
		});

		it('a test key over its limit gives a clear rate-limit error', async () => {
			sb.verigram.setConfig({ testKeyRateLimit: { limit: 1, windowSeconds: 120 } });
			await createFlow();
			const r = await run(flowCreate('https://example.com/cb', 'p'));
			expect(r.error?.message).toContain('rate limiting');
			expect(r.error?.message).toContain('HTTP 429');
		});
	});
});
