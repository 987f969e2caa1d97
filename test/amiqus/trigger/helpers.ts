import { createHmac } from 'crypto';
import type { IDataObject, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../../harness/engine';
import type { RunResult } from '../../harness/engine';
import { WebhookHost } from '../../harness/webhooks';

export interface SandboxDelivery {
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

export interface SandboxWebhook {
	id: number;
	url: string;
	secret: string;
	events: string[];
	is_enabled: boolean;
}

export interface Sandbox {
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
const { startSandbox } = require('../../../sandbox') as {
	startSandbox(options: IDataObject): Promise<Sandbox>;
};

export const TRIGGER = 'Amiqus Trigger';
export const OUT = 'Out';

export let sb: Sandbox;
const hosts: WebhookHost[] = [];

/** The sandbox and the hosts of a test file: started, reset, checked and stopped around its tests. */
export function useAmiqusTrigger(): void {
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

	afterEach(async () => {
		await Promise.all(hosts.splice(0).map(async (host) => await host.stop()));
	});
}

export function triggerNode(parameters: IDataObject): INode {
	return packageNode(TRIGGER, typeName('amiqusTrigger'), parameters, {
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		credentials: { amiqusApi: { id: 'amiqusApi', name: 'Amiqus sandbox' } },
	});
}

/** Amiqus Trigger → No Operation, served by a WebhookHost whose credential points at the sandbox (or `baseUrl`). */
export async function startHost(
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

export function staticDataOf(host: WebhookHost): IDataObject {
	return host.workflow.getStaticData('node', host.workflow.getNode(TRIGGER)!);
}

export function sandboxHooks(): SandboxWebhook[] {
	return [...sb.amiqus.state.webhooks.values()];
}

export function outputOf(run: RunResult): IDataObject[] {
	expect(run.error).toBeUndefined();
	return run.output(OUT).map((item) => item.json);
}

export async function amiqusApi(method: string, path: string): Promise<number> {
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
export async function post(
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

export const sign = (secret: string, body: string) =>
	createHmac('sha256', secret).update(body).digest('base64');

/** Waits a moment for anything that should NOT happen (an execution) to have had its chance. */
export const settle = async (ms = 150) => await sleep(ms);
