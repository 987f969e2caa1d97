import express from 'express';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials';
import type { RunResult } from './engine';
import { additionalDataFor, executeWorkflow } from './engine';

export interface DeliveryRecord {
	method: string;
	path: string;
	status: number;
	/** Whether the node accepted the delivery and an execution started. */
	started: boolean;
	/**
	 * Whether the node's webhook() threw. Real n8n then still records a failed execution
	 * (webhook-helpers.js), so a trigger must never throw on hostile input.
	 */
	crashed?: string;
	responseBody: string;
}

/**
 * A stand-in for n8n's webhook server (packages/cli/src/webhooks): it activates the trigger
 * nodes of a workflow through their webhook methods, receives real HTTP deliveries at
 * `/webhook/<webhookId>/<path>` (or `/webhook-test/...`), hands the node the raw body like
 * n8n does, answers as n8n 2.40 answers (`onReceived`: after creating the execution, 500 when
 * it could not), and runs the workflow through the real engine for every delivery the node
 * accepts.
 *
 * Static data as in n8n 2.40 (live-webhooks.js, workflow-runner.js): `workflow.staticData` is
 * the stored copy ("the database"). Each request gets its own copy; what webhook() changes is
 * saved when n8n answers before starting an execution (the node answered itself, or started
 * nothing), and dropped when n8n starts an execution and answers afterwards (building the
 * execution resets the changed flag before the save). Each execution loads its own copy at
 * its start and saves it at its end if the execution changed it. Last save wins.
 */
export class WebhookHost {
	baseUrl = '';

	readonly executions: RunResult[] = [];

	readonly deliveries: DeliveryRecord[] = [];

	/** Executions created (n8n's ActiveExecutions.add), finished or not. */
	executionsStarted = 0;

	/** Static-data saves (each a write of the workflow row in n8n). */
	staticDataSaves = 0;

	/**
	 * Whether executions run as on a queue-mode worker (n8n 2.40 scaling/job-processor.js): built
	 * from the execution's snapshot of the workflow, without its static data or active flag, and
	 * saved over the stored static data at their end.
	 */
	queueWorker = false;

	/** The next N executions cannot be created (as when n8n's database refuses the insert). */
	failExecutionCreation = 0;

	private server?: Server;

	private readonly pending: Array<Promise<void>> = [];

	constructor(
		readonly workflow: Workflow,
		readonly credentials: TestCredentialsHelper,
	) {}

	async start(): Promise<this> {
		const app = express();
		app.use(express.raw({ type: () => true, limit: '16mb' }));
		app.all(/^\/(webhook|webhook-test)\/(.+)$/, (req, res) => {
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.status(500).json({ message: error.message });
			});
		});
		this.server = app.listen(0, '127.0.0.1');
		await new Promise((resolve) => this.server!.once('listening', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		await Promise.allSettled(this.pending);
		await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
	}

	private hooks() {
		return new ExecutionLifecycleHooks('webhook', 'hooks', {} as never);
	}

	private additionalData() {
		return additionalDataFor(this.credentials, this.hooks(), { webhookBaseUrl: this.baseUrl });
	}

	private webhookNodes(): Array<{
		node: INode;
		type: INodeType;
		description: IWebhookDescription;
	}> {
		const found = [];
		for (const node of Object.values(this.workflow.nodes)) {
			const type = this.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			for (const description of type.description.webhooks ?? [])
				found.push({ node, type, description });
		}
		return found;
	}

	private webhookData(
		node: INode,
		description: IWebhookDescription,
		isTest: boolean,
	): IWebhookData {
		return {
			httpMethod: description.httpMethod as IHttpRequestMethods,
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: node.webhookId,
			isTest,
		};
	}

	/** Runs one webhook method (checkExists, create, delete) of every webhook node. */
	async runWebhookMethod(
		method: 'checkExists' | 'create' | 'delete',
		isTest = false,
	): Promise<boolean[]> {
		const results: boolean[] = [];
		for (const { node, type, description } of this.webhookNodes()) {
			const methods = type.webhookMethods as
				Record<string, Record<string, (this: unknown) => Promise<boolean>>> | undefined;
			const fn = methods?.[String(description.name)]?.[method];
			if (!fn) throw new Error(`${node.type} has no webhook method ${method}`);
			const ctx = new HookContext(
				this.workflow,
				node,
				this.additionalData(),
				isTest ? 'manual' : 'trigger',
				'activate',
				this.webhookData(node, description, isTest),
			);
			results.push(await fn.call(ctx));
		}
		return results;
	}

	/** What n8n does when a workflow is published: create the webhook unless it exists. */
	async activate(isTest = false): Promise<void> {
		const exists = await this.runWebhookMethod('checkExists', isTest);
		if (exists.every(Boolean)) return;
		await this.runWebhookMethod('create', isTest);
	}

	async deactivate(isTest = false): Promise<void> {
		await this.runWebhookMethod('delete', isTest);
	}

	/** The URL the node registers for itself (production by default). */
	webhookUrl(nodeName: string, isTest = false): string {
		const node = this.workflow.getNode(nodeName);
		const entry = this.webhookNodes().find((w) => w.node.name === nodeName);
		if (!node || !entry) throw new Error(`${nodeName} is not a webhook node`);
		const ctx = new HookContext(
			this.workflow,
			node,
			this.additionalData(),
			isTest ? 'manual' : 'trigger',
			'activate',
			this.webhookData(node, entry.description, isTest),
		);
		return String(ctx.getNodeWebhookUrl(String(entry.description.name) as never));
	}

	/** Waits until `count` executions finished (or throws after `timeoutMs`). */
	async waitForExecutions(count: number, timeoutMs = 10_000): Promise<RunResult[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count) {
			if (Date.now() > deadline) {
				throw new Error(
					`Expected ${count} executions, got ${this.executions.length} within ${timeoutMs} ms`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await Promise.allSettled(this.pending);
		return this.executions;
	}

	private async handle(req: express.Request, res: express.Response): Promise<void> {
		const isTest = req.params[0] === 'webhook-test';
		const rest = String(req.params[1]);
		const match = this.webhookNodes().find(
			({ node, description }) =>
				`${node.webhookId}/${String(description.path).replace(/^\//, '')}` === rest &&
				String(description.httpMethod ?? 'POST').toUpperCase() === req.method,
		);
		const record: DeliveryRecord = {
			method: req.method,
			path: req.path,
			status: 0,
			started: false,
			responseBody: '',
		};
		this.deliveries.push(record);
		const originalSend = res.send.bind(res);
		const originalEnd = res.end.bind(res);
		res.end = ((...args: unknown[]) => {
			record.status = res.statusCode;
			return (originalEnd as (...a: unknown[]) => express.Response)(...args);
		}) as typeof res.end;
		res.send = ((body?: unknown) => {
			record.status = res.statusCode;
			record.responseBody =
				typeof body === 'string'
					? body
					: Buffer.isBuffer(body)
						? body.toString()
						: JSON.stringify(body);
			return originalSend(body);
		}) as typeof res.send;
		if (!match) {
			res.status(404).json({ code: 404, message: 'The requested webhook is not registered.' });
			return;
		}
		// As n8n: keep the exact bytes as rawBody, parse JSON and forms for body.
		const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		const request = req as express.Request & { rawBody?: Buffer };
		request.rawBody = raw;
		const contentType = String(req.headers['content-type'] ?? '');
		try {
			if (raw.length === 0) request.body = {};
			else if (contentType.includes('json'))
				request.body = JSON.parse(raw.toString('utf8')) as IDataObject;
			else if (contentType.includes('x-www-form-urlencoded')) {
				request.body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
			} else request.body = {};
		} catch {
			res.status(400).json({ code: 400, message: 'The body is not valid JSON.' });
			return;
		}

		const additionalData = this.additionalData();
		additionalData.httpRequest = request;
		additionalData.httpResponse = res;
		const { node, type, description } = match;
		const requestWorkflow = this.copyOfWorkflow();
		const ctx = new WebhookContext(
			requestWorkflow,
			node,
			additionalData,
			isTest ? 'manual' : 'webhook',
			this.webhookData(node, description, isTest),
			[],
			null,
		);
		let response: IWebhookResponseData;
		try {
			response = await type.webhook!.call(ctx);
		} catch (error) {
			record.crashed = (error as Error).message;
			record.started = true;
			if (!res.headersSent) res.status(500).json({ code: 0, message: 'Error in workflow' });
			return;
		}
		const mode = isTest ? 'manual' : 'webhook';
		const responseCode = Number(
			requestWorkflow.expression.getSimpleParameterValue(
				node,
				description.responseCode,
				mode,
				{},
				undefined,
				200,
			),
		);
		// As n8n: `noWebhookResponse` means the node answered itself; it may still start a run.
		if (response.noWebhookResponse) {
			if (!res.headersSent) res.end();
			this.saveStaticData(requestWorkflow);
			if (!response.workflowData) return;
		} else if (!response.workflowData) {
			this.saveStaticData(requestWorkflow);
			res
				.status(responseCode)
				.json(response.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		// An execution: n8n 2.40 resets the changed flag of the request's static data here.
		if (this.failExecutionCreation > 0) {
			this.failExecutionCreation--;
			if (!res.headersSent)
				res.status(500).json({ code: 0, message: 'There was a problem executing the workflow' });
			return;
		}
		record.started = true;
		this.executionsStarted++;
		const run = this.runExecution(node.name, response.workflowData, isTest ? 'manual' : 'webhook');
		this.pending.push(run);
		if (!response.noWebhookResponse && !res.headersSent)
			this.answerOnReceived(res, requestWorkflow, node, description, response, responseCode, mode);
		await run;
	}

	/** n8n's "onReceived" answer, sent once the execution exists (webhook-helpers.js). */
	private answerOnReceived(
		res: express.Response,
		workflow: Workflow,
		node: INode,
		description: IWebhookDescription,
		response: IWebhookResponseData,
		responseCode: number,
		mode: 'manual' | 'webhook',
	): void {
		const headers = workflow.expression.getComplexParameterValue(
			node,
			description.responseHeaders,
			mode,
			{},
			undefined,
		) as { entries?: Array<{ name: string; value: string }> } | undefined;
		for (const entry of headers?.entries ?? []) res.setHeader(entry.name, entry.value);
		const responseData = workflow.expression.getComplexParameterValue(
			node,
			description.responseData,
			mode,
			{},
			undefined,
			'firstEntryJson',
		);
		const body =
			responseData === 'noData'
				? undefined
				: responseData || (response.webhookResponse ?? { message: 'Workflow was started' });
		res.status(responseCode);
		if (typeof body === 'string') res.send(body);
		else res.json(body);
	}

	/** A workflow like the stored (active) one, with its own copy of the stored static data. */
	private copyOfWorkflow(onWorker = false): Workflow {
		const stored = onWorker
			? {}
			: (JSON.parse(JSON.stringify(this.workflow.staticData ?? {})) as IDataObject);
		return new Workflow({
			id: this.workflow.id,
			name: this.workflow.name,
			nodes: Object.values(this.workflow.nodes),
			connections: this.workflow.connectionsBySourceNode,
			nodeTypes: this.workflow.nodeTypes,
			active: !onWorker,
			staticData: stored,
			settings: this.workflow.settings,
		});
	}

	/** Writes a copy's static data back as the stored one, if it was changed (last save wins). */
	private saveStaticData(workflow: Workflow): void {
		if ((workflow.staticData as IDataObject).__dataChanged !== true) return;
		const stored = this.workflow.staticData as IDataObject;
		for (const key of Object.keys(stored)) delete stored[key];
		Object.assign(stored, JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject);
		this.staticDataSaves++;
	}

	private async runExecution(
		startNode: string,
		startData: IWebhookResponseData['workflowData'],
		mode: 'manual' | 'webhook',
	) {
		const workflow = this.copyOfWorkflow(this.queueWorker && mode === 'webhook');
		const result = await executeWorkflow({
			workflow,
			credentials: this.credentials,
			startNode,
			startData,
			mode,
			webhookBaseUrl: this.baseUrl,
		});
		// As n8n's workflowExecuteAfter hook: static data is saved when the execution changed it (not in manual runs).
		if (mode !== 'manual') this.saveStaticData(workflow);
		this.executions.push(result);
	}
}
