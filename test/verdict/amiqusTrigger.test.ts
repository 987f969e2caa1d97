import type { IDataObject } from 'n8n-workflow';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { useSandbox } from '../amiqus/helpers';

/** The Amiqus Trigger adds the shared verification when it reads the record (and its checks). */
describe('verdict: Amiqus Trigger', () => {
	const { sb } = useSandbox();
	const hosts: WebhookHost[] = [];
	afterEach(async () => {
		await Promise.all(hosts.splice(0).map(async (host) => await host.stop()));
	});

	const start = async (options: IDataObject) => {
		const workflow = buildWorkflow({
			nodes: [
				packageNode('Amiqus Trigger', typeName('amiqusTrigger'), { events: ['record.finished'], options }, {
					webhookId: 'c0ffee00-0000-4000-8000-0000000000v1',
					credentials: { amiqusApi: { id: 'amiqusApi', name: 'Amiqus sandbox' } },
				}),
				packageNode('Out', 'n8n-nodes-base.noOp', {}),
			],
			connections: { 'Amiqus Trigger': { main: [[{ node: 'Out', type: 'main', index: 0 }]] } },
		});
		const helper = credentialsHelperWith({ amiqusApi: { accessToken: sb().amiqus.config.personalTokens[0], baseUrl: sb().amiqus.baseUrl } });
		const host = await new WebhookHost(workflow, helper).start();
		hosts.push(host);
		await host.activate();
		return host;
	};

	it.each([
		[{ fetchFullResource: true }, 'rejected', 'needs_review'],
		[{ fetchFullResource: true, includeChecks: true }, 'rejected', 'rejected'],
		[{ fetchFullResource: true, includeChecks: true }, 'accepted', 'verified'],
	])('with %j a record whose checks end %s emits %s', async (options, outcome, status) => {
		const host = await start(options);
		const record = sb().amiqus.seed.record({ steps: [{ type: 'check.dummy', preferences: { state: outcome } }] }) as IDataObject;
		sb().amiqus.completeRecord(Number(record.id), { outcome });
		await host.waitForExecutions(1, 20_000);
		const [item] = host.executions[0].output('Out').map((i) => i.json);
		expect(item.verification).toMatchObject({ provider: 'amiqus', ids: { recordId: record.id }, providerStatus: 'complete', status });
		// The signed payload stays as delivered; the verdict sits next to it.
		expect(item.payload).toMatchObject({ trigger: { alias: 'record.finished' } });
		if ((options as IDataObject).includeChecks) expect(item.steps).toHaveLength(1);
	});

	it('without Fetch Full Resource the payload holds only IDs, so no verification is made up', async () => {
		const host = await start({});
		const record = sb().amiqus.seed.record() as IDataObject;
		sb().amiqus.completeRecord(Number(record.id));
		await host.waitForExecutions(1, 20_000);
		expect(host.executions[0].output('Out')[0].json.verification).toBeUndefined();
	});
});
