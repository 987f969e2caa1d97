import express from 'express';
import type { AddressInfo } from 'net';

import {
	sb,
	TRIGGER,
	startHost,
	staticDataOf,
	sandboxHooks,
	amiqusApi,
	post,
	useAmiqusTrigger,
} from './helpers';

useAmiqusTrigger();

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
