import type { IDataObject } from 'n8n-workflow';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../../harness/engine';
import { WebhookHost } from '../../harness/webhooks';
import { json, received, runAmiqus, useSandbox } from '../helpers';

const HOOK_URL = 'https://example.org/incoming/webhooks/amiqus';

describe('Amiqus node: Webhook', () => {
	const { sb } = useSandbox();

	/** A webhook made through the API itself, as any other client of Amiqus would. */
	async function apiCreate(body: IDataObject): Promise<IDataObject> {
		const response = await fetch(`${sb().amiqus.baseUrl}/webhooks`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${sb().amiqus.config.personalTokens[0]}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		expect(response.status).toBe(201);
		sb().clearRequests();
		return (await response.json()) as IDataObject;
	}

	it('creates a subscription: events de-duplicated and sorted, Enabled sent, no signing secret in the output', async () => {
		const result = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'create',
			url: HOOK_URL,
			events: ['record.finished', 'client.*', 'record.finished'],
			additionalFields: { is_enabled: false },
		});
		expect(result.error).toBeUndefined();
		const [out] = json(result.items);
		const stored = sb().amiqus.state.webhooks.get(out.id as number);
		expect(stored).toMatchObject({
			url: HOOK_URL,
			events: ['client.*', 'record.finished'],
			is_enabled: false,
		});
		expect(out).toMatchObject({
			object: 'webhook',
			url: HOOK_URL,
			events: ['client.*', 'record.finished'],
			is_enabled: false,
		});
		expect(out).not.toHaveProperty('secret');
		expect(JSON.stringify(result.items)).not.toContain(stored.secret);
		const [request] = received(sb());
		expect(request).toMatchObject({ method: 'POST', path: '/webhooks', status: 201 });
		expect(request.body).toEqual({
			url: HOOK_URL,
			events: ['client.*', 'record.finished'],
			is_enabled: false,
		});
	});

	it('outputs the signing secret only when Include Signing Secret is on', async () => {
		const hook = await apiCreate({ url: HOOK_URL, events: ['*'] });
		const result = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'get',
			webhookId: hook.id,
			includeSecret: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: hook.id, secret: hook.secret, events: ['*'] });
		const hidden = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'get',
			webhookId: hook.id,
		});
		expect(hidden.items[0].json).toMatchObject({ id: hook.id, url: HOOK_URL });
		expect(hidden.items[0].json).not.toHaveProperty('secret');
		expect(received(sb()).map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', `/webhooks/${hook.id}`, 200],
			['GET', `/webhooks/${hook.id}`, 200],
		]);
	});

	it('gets many with the Enabled filter and Limit, every page asked with the documented parameters only', async () => {
		for (let i = 0; i < 5; i++)
			await apiCreate({ url: `${HOOK_URL}/${i}`, events: ['record.*'], is_enabled: i !== 2 });
		const limited = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			filters: { enabled: true },
		});
		expect(limited.error).toBeUndefined();
		expect(json(limited.items).map((w) => w.url)).toEqual([
			`${HOOK_URL}/0`,
			`${HOOK_URL}/1`,
			`${HOOK_URL}/3`,
		]);
		expect(json(limited.items).every((w) => !('secret' in w))).toBe(true);
		expect(received(sb()).map((r) => r.query)).toEqual([
			{ enabled: 'true', page: '1', limit: '3' },
		]);

		sb().clearRequests();
		const all = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'getAll',
			returnAll: true,
			filters: { enabled: false },
		});
		expect(json(all.items).map((w) => w.url)).toEqual([`${HOOK_URL}/2`]);
		expect(received(sb()).map((r) => [r.status, r.query])).toEqual([
			[200, { enabled: 'false', page: '1', limit: '100' }],
		]);
	});

	it('updates the URL, events and Enabled of a subscription and refuses an empty update before sending', async () => {
		const hook = await apiCreate({ url: HOOK_URL, events: ['*'], is_enabled: false });
		const result = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'update',
			webhookId: hook.id,
			updateFields: { url: `${HOOK_URL}/v2`, events: ['record.finished'], is_enabled: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: hook.id,
			url: `${HOOK_URL}/v2`,
			events: ['record.finished'],
			is_enabled: true,
		});
		expect(received(sb())[0]).toMatchObject({
			method: 'PATCH',
			path: `/webhooks/${hook.id}`,
			status: 200,
		});
		expect(received(sb())[0].body).toEqual({
			url: `${HOOK_URL}/v2`,
			events: ['record.finished'],
			is_enabled: true,
		});

		sb().clearRequests();
		const empty = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'update',
			webhookId: hook.id,
			updateFields: {},
		});
		expect(empty.error?.message).toBe('"Update Fields" is empty [item 0]');
		expect(received(sb())).toEqual([]);
	});

	it("deletes a subscription, and Get then fails with Amiqus's 404", async () => {
		const hook = await apiCreate({ url: HOOK_URL, events: ['*'] });
		const result = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'delete',
			webhookId: hook.id,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: hook.id, deleted: true });
		expect(sb().amiqus.state.webhooks.has(hook.id)).toBe(false);
		const after = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'get',
			webhookId: hook.id,
		});
		expect(after.error?.message).toMatch(/^Amiqus: .*\(HTTP 404\)/);
		expect(received(sb()).map((r) => [r.method, r.status])).toEqual([
			['DELETE', 204],
			['GET', 404],
		]);
	});

	it('lists the delivery log of a webhook (a ping the receiver refused)', async () => {
		const hook = await apiCreate({ url: `${sb().url}/nowhere`, events: ['*'] });
		sb().amiqus.setConfig({ webhookRetrySchedule: [] });
		await sb().amiqus.ping(hook.id as number);
		await sb().amiqus.waitForDeliveries(1, 10000);
		const result = await runAmiqus(sb(), {
			resource: 'webhook',
			operation: 'getDeliveries',
			webhookId: hook.id,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const deliveries = json(result.items);
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0]).toMatchObject({
			object: 'webhook_delivery',
			event: 'ping',
			attempts: 1,
			request: { url: `${sb().url}/nowhere`, method: 'POST' },
		});
		expect(
			received(sb())
				.filter((r) => r.path.endsWith('/deliveries'))
				.map((r) => [r.status, r.query]),
		).toEqual([[200, { page: '1', limit: '100' }]]);
	});

	it('refuses bad input naming the field and the item, and other items go on with Continue On Fail', async () => {
		const parameters = {
			resource: 'webhook',
			operation: 'create',
			url: '={{ $json.url }}',
			events: '={{ $json.events }}',
		};
		const items = [
			{ url: HOOK_URL, events: ['record.finished'] },
			{ url: 'not a url', events: ['record.finished'] },
			{ url: HOOK_URL, events: [] },
			{ url: HOOK_URL, events: ['record.done'] },
			{ url: HOOK_URL, events: 'record.finished, client.*' },
		];
		const result = await runAmiqus(sb(), parameters, { items, continueOnFail: true });
		const out = json(result.items);
		expect(out[0]).toMatchObject({ object: 'webhook', url: HOOK_URL });
		expect(out[1].error).toBe('"URL" must be an http(s) URL, got "not a url" [item 1]');
		expect(out[2].error).toBe('"Events" is empty [item 2]');
		expect(out[3].error).toMatch(/^"Events" must be one of .*, got "record.done" \[item 3\]$/);
		expect(out[4]).toMatchObject({ object: 'webhook', events: ['client.*', 'record.finished'] });
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
			{ item: 4 },
		]);
		expect(received(sb()).map((r) => r.body)).toEqual([
			{ url: HOOK_URL, events: ['record.finished'] },
			{ url: HOOK_URL, events: ['client.*', 'record.finished'] },
		]);
		const badId = await runAmiqus(sb(), { resource: 'webhook', operation: 'get', webhookId: 0 });
		expect(badId.error?.message).toBe(
			'"Webhook ID" must be a positive whole number, got "0" [item 0]',
		);
	});

	it('sees and manages the very subscription an active Amiqus Trigger registered (one webhook state)', async () => {
		const TRIGGER = 'Amiqus Trigger';
		const workflow = buildWorkflow({
			nodes: [
				packageNode(
					TRIGGER,
					typeName('amiqusTrigger'),
					{ events: ['record.finished'] },
					{
						webhookId: 'c0ffee00-0000-4000-8000-0000000000c3',
						credentials: { amiqusApi: { id: 'amiqusApi', name: 'Amiqus sandbox' } },
					},
				),
			],
			connections: {},
		});
		const helper = credentialsHelperWith({
			amiqusApi: {
				accessToken: sb().amiqus.config.personalTokens[0],
				baseUrl: sb().amiqus.baseUrl,
			},
		});
		const host = await new WebhookHost(workflow, helper).start();
		try {
			await host.activate();
			const list = await runAmiqus(sb(), {
				resource: 'webhook',
				operation: 'getAll',
				returnAll: true,
			});
			expect(json(list.items)).toEqual([
				expect.objectContaining({
					url: host.webhookUrl(TRIGGER),
					events: ['record.finished'],
					is_enabled: true,
				}),
			]);
			const id = json(list.items)[0].id;
			expect(await host.runWebhookMethod('checkExists')).toEqual([true]);
			const removed = await runAmiqus(sb(), {
				resource: 'webhook',
				operation: 'delete',
				webhookId: id,
			});
			expect(removed.error).toBeUndefined();
			// The trigger notices its subscription is gone and registers again on the next activation.
			expect(await host.runWebhookMethod('checkExists')).toEqual([false]);
		} finally {
			await host.stop();
		}
	});
});
