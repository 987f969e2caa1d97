import type { IDataObject, INode } from 'n8n-workflow';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';
import { WebhookHost } from '../harness/webhooks';

const { startSandbox } = jest.requireActual('../../sandbox');

/** A published trigger: its host, the workflow's own trigger node (a test may change its parameters between requests) and its URL. */
export interface HostedTrigger {
	h: WebhookHost;
	node: INode;
	url: string;
}

/**
 * Publishes a workflow of one trigger of this package (named `name`) → NoOp "Out" in a WebhookHost,
 * activated with `credentials`, and adds the host to `hosts`, which the test file stops after each test.
 */
export async function hostTrigger(
	hosts: WebhookHost[],
	name: string,
	type: string,
	parameters: IDataObject,
	credentials: Record<string, IDataObject>,
	webhookId: string,
): Promise<HostedTrigger> {
	const credentialName = Object.keys(credentials)[0];
	const node = packageNode(name, typeName(type), parameters, {
		webhookId,
		credentials: { [credentialName]: { id: credentialName, name: credentialName } },
	});
	const workflow = buildWorkflow({
		nodes: [node, packageNode('Out', 'n8n-nodes-base.noOp', {})],
		connections: { [name]: { main: [[{ node: 'Out', type: 'main', index: 0 }]] } },
	});
	const h = await new WebhookHost(workflow, credentialsHelperWith(credentials as never)).start();
	hosts.push(h);
	await h.activate();
	return { h, node: workflow.getNode(name)!, url: h.webhookUrl(name) };
}

/** Creates a Verigram flow through the sandbox's API with the sandbox's test key; returns its id. */
export async function createVerigramFlow(
	sb: any,
	callbackUrl: string,
	personId: string,
): Promise<string> {
	const r = await fetch(`${sb.verigram.baseUrl}/flow`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			'X-Verigram-Api-Key': sandboxCredentials(sb).verigram().verigramApi.apiKey,
			'X-Verigram-Api-Version': sb.verigram.config.apiVersions[0],
		},
		body: JSON.stringify({ callback_url: callbackUrl, person_id: personId }),
	});
	return ((await r.json()) as { flow_id: string }).flow_id;
}

/** Starts a Nevis session through the sandbox's API with the sandbox's access key; returns its id. */
export async function startNevisSession(sb: any): Promise<string> {
	const r = await fetch(`${sb.nevis.baseUrl}/api/v1/idverification/sessions`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Authorization: `Bearer ${sandboxCredentials(sb).nevis().nevisApi.accessToken}`,
		},
		body: '{}',
	});
	return ((await r.json()) as { sessionId: string }).sessionId;
}

/**
 * The sandbox of a reliability test file and the trigger hosts its tests publish. The sandbox starts
 * before the first test, is reset before each and closed after the last (then `afterClose` runs, e.g.
 * to write the file's figures); after each test the hosts are stopped and the sandbox must have
 * recorded no problem. `sb` stands for the running sandbox; `publish` publishes a trigger (hostTrigger).
 */
export function useTriggerSandbox(afterClose?: () => void) {
	let real: any;
	const hosts: WebhookHost[] = [];
	beforeAll(async () => {
		real = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	beforeEach(() => real.reset());
	afterEach(async () => {
		await Promise.all(hosts.splice(0).map(async (h) => await h.stop()));
		expect(real.problems).toEqual([]);
	});
	afterAll(async () => {
		await real?.close();
		afterClose?.();
	});
	const sb = new Proxy(
		{},
		{
			get: (_target, key) => {
				const value = real[key];
				return typeof value === 'function' ? value.bind(real) : value;
			},
		},
	);
	/** hostTrigger for this file's hosts. */
	const publish = async (
		name: string,
		type: string,
		parameters: IDataObject,
		credentials: Record<string, IDataObject>,
		webhookId: string,
	) => await hostTrigger(hosts, name, type, parameters, credentials, webhookId);
	return { sb: sb as any, hosts, publish };
}
