import { createHmac } from 'crypto';
import express from 'express';
import type { AddressInfo } from 'net';
import type { IDataObject, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { AmiqusTrigger } from '../../nodes/Amiqus/AmiqusTrigger.node';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import type { RunResult } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';

interface SandboxDelivery {
	webhookId: number;
	url: string;
	event: string;
	deliveryId: string;
	attempt: number;
	status: number | null;
	ok: boolean;
	body: string;
	headers: Record<string, string>;
}

interface SandboxWebhook {
	id: number;
	url: string;
	secret: string;
	events: string[];
	is_enabled: boolean;
}

interface Sandbox {
	amiqus: {
		baseUrl: string;
		config: { personalTokens: string[] };
		setConfig(patch: IDataObject): void;
		state: { webhooks: Map<number, SandboxWebhook> };
		seed: { client(b?: IDataObject): IDataObject; record(b?: IDataObject): IDataObject };
		completeRecord(id: number, opts?: { outcome?: string }): IDataObject;
		deliveries: SandboxDelivery[];
		waitForDeliveries(n: number, ms?: number): Promise<SandboxDelivery[]>;
		ping(webhookId: number): Promise<unknown>;
	};
	faults: { add(spec: IDataObject): unknown };
	requests(
		provider: string,
	): Array<{ method: string; path: string; status: number | null; body?: IDataObject }>;
	problems: unknown[];
	clearRequests(): void;
	reset(): void;
	close(): Promise<void>;
}

// The sandbox is plain CommonJS without type declarations.
const { startSandbox } = require('../../sandbox') as {
	startSandbox(options: IDataObject): Promise<Sandbox>;
};

const TRIGGER = 'Amiqus Trigger';
const OUT = 'Out';

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
});

afterAll(async () => {
	await sb.close();
});

beforeEach(() => {
	sb.reset();
	// Amiqus's 5 s answer deadline would make a slow CI machine look like a failed delivery (and a retry).
	sb.amiqus.setConfig({ webhookTimeoutMs: 30_000 });
});

afterEach(() => {
	expect(sb.problems).toEqual([]);
});

const hosts: WebhookHost[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map(async (host) => await host.stop()));
});

function triggerNode(parameters: IDataObject): INode {
	return packageNode(TRIGGER, typeName('amiqusTrigger'), parameters, {
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		credentials: { amiqusApi: { id: 'amiqusApi', name: 'Amiqus sandbox' } },
	});
}

/** Amiqus Trigger → No Operation, served by a WebhookHost whose credential points at the sandbox (or `baseUrl`). */
async function startHost(
	parameters: IDataObject,
	baseUrl = sb.amiqus.baseUrl,
): Promise<WebhookHost> {
	const workflow = buildWorkflow({
		nodes: [triggerNode(parameters), packageNode(OUT, 'n8n-nodes-base.noOp', {})],
		connections: { [TRIGGER]: { main: [[{ node: OUT, type: 'main', index: 0 }]] } },
	});
	const helper = credentialsHelperWith({
		amiqusApi: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl },
	});
	const host = await new WebhookHost(workflow, helper).start();
	hosts.push(host);
	return host;
}

function staticDataOf(host: WebhookHost): IDataObject {
	return host.workflow.getStaticData('node', host.workflow.getNode(TRIGGER)!);
}

function sandboxHooks(): SandboxWebhook[] {
	return [...sb.amiqus.state.webhooks.values()];
}

function outputOf(run: RunResult): IDataObject[] {
	expect(run.error).toBeUndefined();
	return run.output(OUT).map((item) => item.json);
}

async function amiqusApi(method: string, path: string): Promise<number> {
	const response = await fetch(`${sb.amiqus.baseUrl}${path}`, {
		method,
		headers: {
			Authorization: `Bearer ${sb.amiqus.config.personalTokens[0]}`,
			Accept: 'application/json',
		},
	});
	return response.status;
}

/** Posts to the trigger's URL like Amiqus would, with whatever headers the case needs. */
async function post(
	host: WebhookHost,
	body: string,
	headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
	const response = await fetch(host.webhookUrl(TRIGGER), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'User-Agent': 'Amiqus AmiqusID/2', ...headers },
		body,
	});
	return { status: response.status, text: await response.text() };
}

const sign = (secret: string, body: string) =>
	createHmac('sha256', secret).update(body).digest('base64');

/** Waits a moment for anything that should NOT happen (an execution) to have had its chance. */
const settle = async (ms = 150) => await sleep(ms);

describe('Amiqus Trigger: webhook lifecycle against the sandbox', () => {
	it('registers on activation, survives a deletion on the Amiqus side, follows event changes and removes itself', async () => {
		const host = await startHost({ events: ['record.finished', 'client.*', 'record.finished'] });
		const url = host.webhookUrl(TRIGGER);
		expect(url).toBe(`${host.baseUrl}/webhook/c0ffee00-0000-4000-8000-000000000001/webhook`);

		await host.activate();
		let hooks = sandboxHooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0].url).toBe(url);
		expect(hooks[0].events).toEqual(['client.*', 'record.finished']); // de-duplicated: Amiqus refuses repeats
		expect(hooks[0].is_enabled).toBe(true);
		const first = hooks[0];
		expect(staticDataOf(host)).toMatchObject({
			webhookId: first.id,
			webhookSecret: first.secret,
			webhookEvents: ['client.*', 'record.finished'],
		});
		const created = sb
			.requests('amiqus')
			.filter((r) => r.method === 'POST' && r.path === '/webhooks');
		expect(created).toHaveLength(1);
		expect(created[0].status).toBe(201);
		expect(created[0].body).toMatchObject({ url, events: ['client.*', 'record.finished'] });

		// Published again (n8n restart): the hook exists, nothing is created.
		expect(await host.runWebhookMethod('checkExists')).toEqual([true]);
		await host.activate();
		expect(sandboxHooks()).toHaveLength(1);

		// Someone deletes it in the Amiqus UI.
		expect(await amiqusApi('DELETE', `/webhooks/${first.id}`)).toBe(204);
		expect(await host.runWebhookMethod('checkExists')).toEqual([false]);
		expect(staticDataOf(host).webhookId).toBeUndefined();
		expect(staticDataOf(host).webhookSecret).toBeUndefined();
		await host.activate();
		hooks = sandboxHooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0].id).not.toBe(first.id);
		expect(staticDataOf(host)).toMatchObject({
			webhookId: hooks[0].id,
			webhookSecret: hooks[0].secret,
		});
		const second = hooks[0];

		// The user changes the events: the same hook is updated in place (no stranded hook).
		host.workflow.getNode(TRIGGER)!.parameters.events = ['record.*'];
		expect(await host.runWebhookMethod('checkExists')).toEqual([false]);
		await host.activate();
		hooks = sandboxHooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0].id).toBe(second.id);
		expect(hooks[0].events).toEqual(['record.*']);
		expect(staticDataOf(host).webhookEvents).toEqual(['record.*']);

		// Amiqus auto-disabled it after repeated failures: activation enables it again.
		sb.amiqus.state.webhooks.get(second.id)!.is_enabled = false;
		expect(await host.runWebhookMethod('checkExists')).toEqual([false]);
		await host.activate();
		expect(sb.amiqus.state.webhooks.get(second.id)!.is_enabled).toBe(true);
		expect(await host.runWebhookMethod('checkExists')).toEqual([true]);

		// Static data lost its secret: re-register rather than accept unverifiable deliveries.
		delete staticDataOf(host).webhookSecret;
		expect(await host.runWebhookMethod('checkExists')).toEqual([false]);
		await host.activate();
		expect(staticDataOf(host).webhookSecret).toBe(second.secret);

		await host.deactivate();
		expect(sandboxHooks()).toEqual([]);
		expect(staticDataOf(host).webhookId).toBeUndefined();
		expect(staticDataOf(host).webhookSecret).toBeUndefined();
		const deletes = sb.requests('amiqus').filter((r) => r.method === 'DELETE');
		expect(deletes.map((r) => [r.path, r.status])).toEqual([
			[`/webhooks/${first.id}`, 204],
			[`/webhooks/${second.id}`, 204],
		]);
	});

	it('deactivates cleanly when the hook was already deleted on the Amiqus side', async () => {
		const host = await startHost({ events: ['*'] });
		await host.activate();
		const [hook] = sandboxHooks();
		expect(await amiqusApi('DELETE', `/webhooks/${hook.id}`)).toBe(204);
		await expect(host.deactivate()).resolves.toBeUndefined();
		expect(staticDataOf(host).webhookId).toBeUndefined();
		expect(
			sb
				.requests('amiqus')
				.filter((r) => r.method === 'DELETE')
				.map((r) => r.status),
		).toEqual([204, 404]);
	});

	it('does not hide a failed deletion', async () => {
		const host = await startHost({ events: ['*'] });
		await host.activate();
		const [hook] = sandboxHooks();
		sb.faults.add({ provider: 'amiqus', method: 'DELETE', path: '/webhooks', status: 403 });
		await expect(host.deactivate()).rejects.toThrow(/Amiqus.*403/);
		// Still known, so a later deactivation can retry.
		expect(staticDataOf(host).webhookId).toBe(hook.id);
		expect(sandboxHooks()).toHaveLength(1);
	});

	it('refuses to activate when Amiqus answers without an id or a secret', async () => {
		const app = express();
		app.use(express.json());
		app.post('/api/v2/webhooks', (req, res) => {
			res.status(201).json({
				object: 'webhook',
				id: 7,
				url: req.body.url,
				events: req.body.events,
				is_enabled: true,
			});
		});
		const server = app.listen(0, '127.0.0.1');
		await new Promise((resolve) => server.once('listening', resolve));
		try {
			const host = await startHost(
				{ events: ['*'] },
				`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`,
			);
			await expect(host.activate()).rejects.toThrow(/no id or no signing secret/);
			expect(staticDataOf(host).webhookId).toBeUndefined();
		} finally {
			server.close();
		}
	});

	it('refuses to activate without events', async () => {
		const host = await startHost({ events: [] });
		await expect(host.activate()).rejects.toThrow(/at least one event/);
		expect(sandboxHooks()).toEqual([]);
	});
});

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

describe('Amiqus Trigger: Fetch Full Resource', () => {
	it('adds the full record and client next to the untouched payload (v1 show URLs)', async () => {
		sb.amiqus.setConfig({ webhookUrlStyle: 'v1' });
		// The sandbox compiles its OpenAPI validator per route on first use (about a second): do that
		// now, so the node's short lookup timeout (Amiqus wants an answer within 5 s) is not what is tested.
		const warm = sb.amiqus.seed.record();
		expect(await amiqusApi('GET', `/records/${warm.id}`)).toBe(200);
		expect(await amiqusApi('GET', `/clients/${warm.client}`)).toBe(200);
		sb.clearRequests();
		const host = await startHost({
			events: ['client.record', 'record.finished'],
			options: { fetchFullResource: true, includeHeaders: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record(); // client.record
		await sb.amiqus.waitForDeliveries(1, 20_000);
		sb.amiqus.completeRecord(Number(record.id)); // record.finished
		const deliveries = await sb.amiqus.waitForDeliveries(2, 20_000);
		await host.waitForExecutions(2, 20_000);
		const byEvent = (event: string) => deliveries.find((d) => d.event === event)!;
		expect(deliveries.map((d) => d.event).sort()).toEqual(['client.record', 'record.finished']);
		expect(JSON.parse(byEvent('client.record').body).data.record.show).toMatch(
			/\/amiqus\/api\/records\/\d+$/,
		);

		const [clientRecord] = outputOf(
			host.executions.find((e) => e.output(OUT)[0].json.event === 'client.record')!,
		);
		expect(clientRecord.payload).toEqual(JSON.parse(byEvent('client.record').body));
		// Fetched when the delivery arrives, so it is the record's current state.
		expect(clientRecord.record).toMatchObject({
			object: 'record',
			id: record.id,
			client: record.client,
		});
		expect(clientRecord.client).toMatchObject({ object: 'client', id: record.client });
		expect(clientRecord.fetchErrors).toBeUndefined();
		expect((clientRecord.headers as IDataObject)['x-aqid-delivery-id']).toBe(
			byEvent('client.record').deliveryId,
		);
		// Never the signature: it is replay material for anyone who can read executions.
		expect(Object.keys(clientRecord.headers as IDataObject)).not.toContain('x-aqid-signature');

		const [finished] = outputOf(
			host.executions.find((e) => e.output(OUT)[0].json.event === 'record.finished')!,
		);
		expect(finished.payload).toEqual(JSON.parse(byEvent('record.finished').body));
		expect(finished.record).toMatchObject({ object: 'record', id: record.id, status: 'complete' });
		expect(finished.client).toBeUndefined();

		const gets = sb
			.requests('amiqus')
			.filter((r) => r.method === 'GET' && !r.path.startsWith('/webhooks'));
		expect(gets.map((r) => [r.path, r.status]).sort()).toEqual(
			[
				[`/clients/${record.client}`, 200],
				[`/records/${record.id}`, 200],
				[`/records/${record.id}`, 200],
			].sort(),
		);
	});

	it('answers Amiqus before its lookups: a lookup slower than the 5-second deadline does not hold the answer', async () => {
		const host = await startHost({
			events: ['record.finished'],
			options: { fetchFullResource: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record();
		sb.faults.add({
			provider: 'amiqus',
			method: 'GET',
			path: `/records/${record.id}`,
			delayMs: 6000,
		});
		sb.amiqus.completeRecord(Number(record.id));
		const [delivery] = await sb.amiqus.waitForDeliveries(1, 20_000);
		// When Amiqus had its answer, the lookup had not been answered yet (it was still waiting).
		const lookupsAtAnswer = sb
			.requests('amiqus')
			.filter((r) => r.method === 'GET' && r.path === `/records/${record.id}`);
		expect(delivery).toMatchObject({ ok: true, status: 200 });
		expect(lookupsAtAnswer.map((r) => r.status)).not.toContain(200);
		await host.waitForExecutions(1, 20_000);
		const [item] = outputOf(host.executions[0]);
		expect(item.record).toMatchObject({ object: 'record', id: record.id });
	});

	it('still emits the event when the lookup fails, and says why', async () => {
		const host = await startHost({
			events: ['record.finished'],
			options: { fetchFullResource: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record();
		sb.faults.add({
			provider: 'amiqus',
			method: 'GET',
			path: `/records/${record.id}`,
			status: 404,
		});
		sb.amiqus.completeRecord(Number(record.id));
		await host.waitForExecutions(1, 20_000);
		const [item] = outputOf(host.executions[0]);
		expect(item.event).toBe('record.finished');
		expect(item.record).toBeUndefined();
		expect(item.fetchErrors).toEqual([
			expect.objectContaining({ resource: 'record', id: record.id, httpCode: '404' }),
		]);
		expect(host.deliveries[0]).toMatchObject({ status: 200, started: true });
	});
});

describe('Amiqus Trigger: description', () => {
	// The official spec the sandbox validates against.
	const spec = require('../../sandbox/specs/amiqus-openapi.json') as {
		components: { schemas: Record<string, { enum: string[] }> };
	};
	const description = new AmiqusTrigger().description;
	const events = description.properties.find((p) => p.name === 'events')!;
	const options = (events.options ?? []) as Array<{
		name: string;
		value: string;
		description?: string;
	}>;

	it('offers exactly the subscribable events of the API, wildcards included, sorted by name', () => {
		expect(options.map((o) => o.value).sort()).toEqual(
			[...spec.components.schemas.WebhookSubscribeEvents.enum].sort(),
		);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(options.every((o) => o.description && o.description.length > 10)).toBe(true);
	});

	it('is a webhook trigger with the action node credentials', () => {
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		]);
		expect(description.credentials?.map((c) => c.name)).toEqual(['amiqusApi', 'amiqusOAuth2Api']);
	});
});

describe('Amiqus Trigger: Events left empty', () => {
	// n8n's own display rules (what the node panel shows), run on the trigger's properties.
	const { NodeHelpers } = require('n8n-workflow') as typeof import('n8n-workflow');
	const description = new AmiqusTrigger().description;
	const shown = (events: string[]) =>
		description.properties
			.filter((p) => NodeHelpers.displayParameter({ events, options: {} }, p, null, description))
			.map((p) => p.name);

	it('says on the panel to choose an event while none is chosen, and only then', () => {
		expect(shown([])).toContain('noEventsNotice');
		expect(shown(['record.finished'])).not.toContain('noEventsNotice');
		expect(shown(['*'])).not.toContain('noEventsNotice');
	});
});
