import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { useVerigram } from './helpers';

describe('Verigram', () => {
	const { sb, raw, testCred, prodCred, run, createFlow, signed } = useVerigram();

	describe('Verigram Trigger', () => {
		let host: WebhookHost;
		const start = async (options: Record<string, unknown> = {}, credentials = testCred()) => {
			const helper = credentialsHelperWith({ verigramApi: credentials });
			const trigger = packageNode(
				'Verigram Trigger',
				typeName('verigramTrigger'),
				{
					redirectUrl: 'https://example.com/done',
					options: {
						pendingRedirectUrl: 'https://example.com/pending',
						waitSeconds: 0,
						...options,
					},
				},
				{
					webhookId: 'vg-hook',
					credentials: { verigramApi: { id: 'verigramApi', name: 'verigramApi' } },
				},
			);
			const after = packageNode('After', 'n8n-nodes-base.noOp', {});
			const workflow = buildWorkflow({
				nodes: [trigger, after],
				connections: {
					'Verigram Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] },
				},
			});
			host = await new WebhookHost(workflow, helper).start();
			await host.activate();
			return host.webhookUrl('Verigram Trigger');
		};
		afterEach(async () => host?.stop());

		it('browser back from the hosted page: result fetched server-side, emitted once, browser redirected', async () => {
			// The browser-return trigger needs the flow id appended to callback_url: not documented, so on by name.
			sb.verigram.setConfig({ callbackFlowIdParam: 'flow_id' });
			const callbackUrl = await start({}, prodCred());
			expect(callbackUrl).toBe(`${host.baseUrl}/webhook/vg-hook/callback`);
			const created = await run(
				{ resource: 'flow', operation: 'create', callbackUrl, personId: 'p-7', locale: 'en' },
				prodCred(),
			);
			const { flow_id, vlink } = created.items[0].json as any;
			const back = await raw.post(vlink, 'outcome=pass', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(back.headers.location).toBe(`${callbackUrl}?flow_id=${flow_id}`);
			const landed = await raw.get(back.headers.location);
			expect(landed.status).toBe(302);
			expect(landed.headers.location).toBe('https://example.com/done');
			const [execution] = await host.waitForExecutions(1);
			const out = execution.output('After')[0].json as any;
			expect(out).toMatchObject({
				flow_status: 'pass',
				end_cause: 'completed',
				verification: { status: 'verified', ids: { flowId: flow_id } },
			});
			expect(out.services).toHaveLength(2);
			// The trigger read the result itself, signed.
			expect(
				sb
					.requests('verigram')
					.filter((e: any) => e.path === `/flow/${flow_id}/result`)
					.map((e: any) => e.verigramAuth.signature),
			).toEqual(['valid']);
			// A reload starts nothing new but still redirects.
			const again = await raw.get(back.headers.location);
			expect(again.headers.location).toBe('https://example.com/done');
			expect(host.executions).toHaveLength(1);
		});

		it('unknown, unfinished or missing flow ids emit nothing and go to the pending page', async () => {
			const callbackUrl = await start();
			const { flow_id } = await createFlow();
			for (const url of [
				`${callbackUrl}?flow_id=no-such-flow`,
				`${callbackUrl}?flow_id=${flow_id}`,
				callbackUrl,
				`${callbackUrl}?flow_id=${encodeURIComponent('../../x')}`,
			]) {
				const r = await raw.get(url);
				expect(r.status).toBe(302);
				expect(r.headers.location).toBe('https://example.com/pending');
			}
			expect(host.deliveries.every((d) => !d.started)).toBe(true);
			expect(host.executions).toHaveLength(0);
			// The unfinished flow was asked about, the malformed id was never sent to Verigram.
			const paths = sb.requests('verigram').map((e: any) => e.path);
			expect(paths).toContain('/flow/no-such-flow/result');
			expect(paths).toContain(`/flow/${flow_id}/result`);
			expect(paths.some((p: string) => p.includes('..'))).toBe(false);
		});

		it('waits briefly for a result that lags the redirect', async () => {
			const callbackUrl = await start({ waitSeconds: 10 });
			const { flow_id } = await createFlow();
			const timer = setTimeout(() => sb.verigram.finishFlow(flow_id, 'fail'), 300);
			const r = await raw.get(`${callbackUrl}?flow_id=${flow_id}`);
			clearTimeout(timer);
			expect(r.headers.location).toBe('https://example.com/done');
			const [execution] = await host.waitForExecutions(1);
			expect(execution.output('After')[0].json).toMatchObject({
				flow_status: 'fail',
				verification: { status: 'rejected' },
			});
		});
	});
});
