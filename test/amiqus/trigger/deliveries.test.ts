import type { IDataObject } from 'n8n-workflow';

import { createHmac } from 'crypto';

import type { WebhookHost } from '../../harness/webhooks';
import {
	sb,
	TRIGGER,
	startHost,
	staticDataOf,
	sandboxHooks,
	outputOf,
	post,
	sign,
	settle,
	useAmiqusTrigger,
} from './helpers';

useAmiqusTrigger();

describe('Amiqus Trigger: signed deliveries from the sandbox', () => {
	it('keeps its registration when executions run on a queue-mode worker', async () => {
		const host = await startHost({ events: ['record.finished'] });
		host.queueWorker = true; // executions start from a copy without the stored static data
		await host.activate();
		const [hook] = sandboxHooks();

		for (let n = 1; n <= 2; n++) {
			const record = sb.amiqus.seed.record();
			sb.amiqus.completeRecord(Number(record.id), { outcome: 'accepted' });
			await host.waitForExecutions(n, 20_000);
			expect(staticDataOf(host)).toMatchObject({ webhookId: hook.id, webhookSecret: hook.secret });
		}
		const deliveries = await sb.amiqus.waitForDeliveries(2, 20_000);
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);

		await host.deactivate();
		expect(sandboxHooks()).toHaveLength(0);
	});

	it('runs the workflow once per subscribed event of a completed record, with the raw payload', async () => {
		const host = await startHost({ events: ['record.*'] });
		await host.activate();
		// The subscription is wider than what the node now wants (edited, not yet re-published):
		// the node filters by its own events too.
		host.workflow.getNode(TRIGGER)!.parameters.events = ['record.finished'];

		const record = sb.amiqus.seed.record(); // record.created (client.record is not subscribed)
		sb.amiqus.completeRecord(Number(record.id), { outcome: 'accepted' }); // record.updated, record.finished
		const deliveries = await sb.amiqus.waitForDeliveries(3, 20_000);
		await host.waitForExecutions(1, 20_000);
		await settle();

		// Deliveries run concurrently: compare without relying on their order.
		expect(deliveries.map((d) => d.event).sort()).toEqual([
			'record.created',
			'record.finished',
			'record.updated',
		]);
		expect(deliveries.every((d) => d.status === 200 && d.attempt === 1)).toBe(true);
		expect(host.deliveries.map((d) => [d.status, d.started]).sort()).toEqual([
			[200, false],
			[200, false],
			[200, true],
		]);
		expect(host.executions).toHaveLength(1);

		const finished = deliveries.find((d) => d.event === 'record.finished')!;
		const items = outputOf(host.executions[0]);
		expect(items).toHaveLength(1);
		expect(items[0]).toEqual({
			event: 'record.finished',
			deliveryId: finished.deliveryId,
			deliveryKey: expect.any(String),
			attempt: 1,
			triggeredAt: JSON.parse(finished.body).trigger.triggered_at,
			payload: JSON.parse(finished.body),
		});
		expect((items[0].payload as IDataObject).data).toEqual({
			record: expect.objectContaining({ id: record.id, type: 'client' }),
			client: expect.objectContaining({ id: record.client }),
			case: null,
		});
		// No lookups unless asked for.
		expect(
			sb.requests('amiqus').filter((r) => r.method === 'GET' && r.path.startsWith('/records')),
		).toEqual([]);
	});

	it('answers a ping without starting an execution, in both documented body formats', async () => {
		const host = await startHost({ events: ['*'] });
		await host.activate();
		const [hook] = sandboxHooks();
		await sb.amiqus.ping(hook.id);
		sb.amiqus.setConfig({ pingFormat: 'log' });
		await sb.amiqus.ping(hook.id);
		const deliveries = await sb.amiqus.waitForDeliveries(2, 20_000);
		expect(deliveries.map((d) => [d.event, d.status])).toEqual([
			['ping', 200],
			['ping', 200],
		]);
		expect(JSON.parse(deliveries[1].body)).toMatchObject({ event: 'ping', data: ['ping'] });
		await settle();
		expect(host.deliveries.map((d) => [d.status, d.started])).toEqual([
			[200, false],
			[200, false],
		]);
		expect(host.executions).toEqual([]);
	});

	describe('signature', () => {
		const body = JSON.stringify({
			webhook: {
				uuid: 'db6a2d91-b67e-4f88-b71a-b73da98c5168',
				created_at: '2023-02-11T13:01:34Z',
				events: ['*'],
			},
			trigger: { triggered_at: new Date().toISOString(), alias: 'client.updated' },
			data: { client: { id: 472346, show: 'https://id.amiqus.co/api/clients/472346' } },
		});
		let host: WebhookHost;
		let secret: string;

		beforeEach(async () => {
			host = await startHost({ events: ['*'] });
			await host.activate();
			secret = sandboxHooks()[0].secret;
		});

		const headersFor = (signature: string | undefined, deliveryId: string) => ({
			...(signature === undefined ? {} : { 'X-AQID-Signature': signature }),
			'X-AQID-Delivery-Id': deliveryId,
			'X-AQID-Delivery-Attempt': '2',
		});

		it('accepts a valid signature over the exact bytes, even with unusual formatting', async () => {
			// Whitespace and key order that re-serialised JSON would lose: the node must verify the raw body.
			const spaced = body.replace('{"webhook"', '{ "webhook"').replace(/,"data"/, ',\n  "data"');
			expect(spaced).not.toBe(body);
			const res = await post(host, spaced, headersFor(sign(secret, spaced), 'd-valid'));
			expect(res.status).toBe(200);
			await host.waitForExecutions(1, 20_000);
			const [item] = outputOf(host.executions[0]);
			expect(item).toEqual({
				event: 'client.updated',
				deliveryId: 'd-valid',
				deliveryKey: expect.any(String),
				attempt: 2,
				triggeredAt: JSON.parse(body).trigger.triggered_at,
				payload: JSON.parse(body),
			});
		});

		it.each([
			[
				'an altered body',
				(s: string) => ({ body: body.replace('472346', '472347'), signature: sign(s, body) }),
			],
			['a wrong secret', () => ({ body, signature: sign('not-the-secret', body) })],
			['a missing signature header', () => ({ body, signature: undefined })],
			['an empty signature', () => ({ body, signature: '' })],
			[
				'a hex signature instead of base64',
				(s: string) => ({ body, signature: createHmac('sha256', s).update(body).digest('hex') }),
			],
			['a truncated signature', (s: string) => ({ body, signature: sign(s, body).slice(0, 20) })],
		])('refuses %s with 404 and starts no execution', async (_name, make) => {
			const forged = make(secret);
			const res = await post(host, forged.body, headersFor(forged.signature, 'd-forged'));
			expect(res.status).toBe(404);
			expect(res.text).not.toContain(secret);
			await settle();
			expect(host.deliveries).toHaveLength(1);
			expect(host.deliveries[0]).toMatchObject({ status: 404, started: false });
			expect(host.deliveries[0].crashed).toBeUndefined();
			expect(host.executions).toEqual([]);
			// A refused delivery does not burn its id: the genuine one with that id still runs.
			const genuine = await post(host, body, headersFor(sign(secret, body), 'd-forged'));
			expect(genuine.status).toBe(200);
			await host.waitForExecutions(1, 20_000);
		});

		it('refuses everything when no secret is known (fail closed)', async () => {
			delete staticDataOf(host).webhookSecret;
			const res = await post(host, body, headersFor(sign(secret, body), 'd-nosecret'));
			expect(res.status).toBe(404);
			await settle();
			expect(host.executions).toEqual([]);
		});

		it('emits a signed body once, whatever its unsigned delivery id, and answers the copies with 200', async () => {
			const headers = headersFor(sign(secret, body), 'd-replayed');
			expect((await post(host, body, headers)).status).toBe(200);
			await host.waitForExecutions(1, 20_000);
			const replay = await post(host, body, { ...headers, 'X-AQID-Delivery-Attempt': '3' });
			expect(replay.status).toBe(200);
			expect(JSON.parse(replay.text)).toMatchObject({ duplicate: true });
			// The delivery id is not signed: another id, or none, is still the same signed body.
			const otherId = await post(host, body, headersFor(sign(secret, body), 'd-other'));
			const { 'X-AQID-Delivery-Id': _dropped, ...noId } = headersFor(sign(secret, body), '');
			const withoutId = await post(host, body, noId);
			expect([otherId.status, withoutId.status]).toEqual([200, 200]);
			await settle();
			expect(host.executions).toHaveLength(1);
			expect(host.deliveries.map((d) => [d.status, d.started])).toEqual([
				[200, true],
				[200, false],
				[200, false],
				[200, false],
			]);
		});

		it('refuses a signed delivery triggered longer ago than the window (400), and accepts it with a wider window', async () => {
			const old = body.replace(
				/"triggered_at":"[^"]+"/,
				`"triggered_at":"${new Date(Date.now() - 3 * 3600_000).toISOString()}"`,
			);
			const res = await post(host, old, headersFor(sign(secret, old), 'd-old'));
			expect(res.status).toBe(400);
			expect(res.text).toMatch(/60-minute window/);
			await settle();
			expect(host.executions).toEqual([]);
			const wide = await startHost({ events: ['*'], options: { maxDeliveryAgeMinutes: 240 } });
			await wide.activate();
			const wideSecret = sandboxHooks().find((h) => h.url === wide.webhookUrl(TRIGGER))!.secret;
			expect((await post(wide, old, headersFor(sign(wideSecret, old), 'd-old'))).status).toBe(200);
			await wide.waitForExecutions(1, 20_000);
		});

		it('answers 2xx only once the execution exists: when n8n cannot create it, the answer is 500 and the retry runs', async () => {
			host.failExecutionCreation = 1;
			const headers = headersFor(sign(secret, body), 'd-retried');
			const first = await post(host, body, headers);
			expect(first.status).toBe(500);
			await settle();
			expect(host.executions).toEqual([]);
			// Amiqus retries a failed delivery: the retry is not a duplicate of the one that never ran.
			const retry = await post(host, body, { ...headers, 'X-AQID-Delivery-Attempt': '3' });
			expect(retry.status).toBe(200);
			await host.waitForExecutions(1, 20_000);
			expect(outputOf(host.executions[0])[0].attempt).toBe(3);
			// Every 2xx answered is an execution.
			expect(host.deliveries.filter((d) => d.status >= 200 && d.status < 300)).toHaveLength(
				host.executionsStarted,
			);
		});

		it('does not save the static data per delivery: at most once per 10 seconds, by an execution', async () => {
			const started = Date.now();
			const savesBefore = host.staticDataSaves;
			for (let i = 0; i < 30; i++) {
				const distinct = body.replace('"client.updated"', `"client.updated","n":${i}`);
				expect(
					(await post(host, distinct, headersFor(sign(secret, distinct), `d-many-${i}`))).status,
				).toBe(200);
			}
			await host.waitForExecutions(30, 30_000);
			const saves = host.staticDataSaves - savesBefore;
			expect(saves).toBeGreaterThanOrEqual(1);
			expect(saves).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 10_000));
			// What was saved names deliveries that ran.
			const keys = host.executions.map((run) => outputOf(run)[0].deliveryKey);
			expect(
				Object.keys(staticDataOf(host).deliveries as IDataObject).every((key) =>
					keys.includes(key),
				),
			).toBe(true);
		});

		it('answers a signed body that is not JSON with 400, without a crash or an execution', async () => {
			const res = await post(host, 'not json', headersFor(sign(secret, 'not json'), 'd-bad'));
			expect(res.status).toBe(400);
			await settle();
			expect(host.deliveries[0].crashed).toBeUndefined();
			expect(host.executions).toEqual([]);
		});
	});
});
