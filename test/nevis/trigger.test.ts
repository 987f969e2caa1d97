import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { FORM, useNevis } from './helpers';

describe('Nevis', () => {
	const { sb, raw, cred, startSession, api } = useNevis();

	describe('Nevis Trigger', () => {
		let host: WebhookHost;
		const start = async (options: Record<string, unknown> = {}) => {
			const helper = credentialsHelperWith({ nevisApi: cred() });
			const trigger = packageNode(
				'Nevis Trigger',
				typeName('nevisTrigger'),
				{
					redirectUrl: 'https://portal.example.com/done',
					options: {
						pendingRedirectUrl: 'https://portal.example.com/pending',
						waitSeconds: 0,
						...options,
					},
				},
				{ webhookId: 'nv-hook', credentials: { nevisApi: { id: 'nevisApi', name: 'nevisApi' } } },
			);
			const after = packageNode('After', 'n8n-nodes-base.noOp', {});
			const workflow = buildWorkflow({
				nodes: [trigger, after],
				connections: { 'Nevis Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
			});
			host = await new WebhookHost(workflow, helper).start();
			await host.activate();
			const url = host.webhookUrl('Nevis Trigger');
			// The instance redirect URL is configured at Nevis, not per session. The trigger needs the session
			// id on that redirect, which Nevis does not document: the sandbox appends it only by name.
			sb.nevis.setConfig({ redirectUrl: url, redirectSessionParam: 'sessionId' });
			return url;
		};
		afterEach(async () => host?.stop());

		it('browser back from the hosted app: session read server-side, emitted once, browser redirected', async () => {
			const url = await start();
			const { sessionId, startUrl } = await startSession();
			const back = await raw.post(startUrl, 'outcome=verified', FORM);
			expect(back.headers.location).toBe(`${url}?sessionId=${sessionId}`);
			const landed = await raw.get(back.headers.location);
			expect(landed.status).toBe(302);
			expect(landed.headers.location).toBe('https://portal.example.com/done');
			const [execution] = await host.waitForExecutions(1);
			expect(execution.output('After')[0].json).toMatchObject({
				sessionId: Number(sessionId),
				status: 'verified',
				data: { documentNumber: 'X1234567' },
				verification: {
					status: 'verified',
					person: { lastName: 'Muster', dateOfBirth: '1990-04-23' },
				},
			});
			expect(
				sb.requests('nevis').filter((e: any) => e.path === `${api}/${sessionId}`),
			).toHaveLength(1);
			await raw.get(back.headers.location);
			expect(host.executions).toHaveLength(1);
		});

		it('accepts the id under another configured parameter (tc)', async () => {
			const url = await start();
			sb.nevis.setConfig({ redirectSessionParam: 'tc' });
			const { sessionId, startUrl } = await startSession();
			const back = await raw.post(startUrl, 'outcome=failed', FORM);
			expect(back.headers.location).toBe(`${url}?tc=${sessionId}`);
			await raw.get(back.headers.location);
			const [execution] = await host.waitForExecutions(1);
			expect(execution.output('After')[0].json).toMatchObject({
				status: 'failed',
				verification: { status: 'rejected' },
			});
		});

		it('unknown, unfinished, malformed or missing session ids emit nothing', async () => {
			const url = await start();
			const { sessionId } = await startSession();
			sb.nevis.startSession(sessionId);
			for (const target of [
				`${url}?sessionId=999999999`,
				`${url}?sessionId=${sessionId}`,
				`${url}?sessionId=abc`,
				url,
			]) {
				const r = await raw.get(target);
				expect(r.status).toBe(302);
				expect(r.headers.location).toBe('https://portal.example.com/pending');
			}
			expect(host.executions).toHaveLength(0);
			expect(host.deliveries.every((d) => !d.started)).toBe(true);
			expect(
				sb
					.requests('nevis')
					.map((e: any) => e.path)
					.filter((p: string) => p.startsWith(`${api}/`)),
			).toEqual([`${api}/999999999`, `${api}/${sessionId}`]);
		});
	});
});
