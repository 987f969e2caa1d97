import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { PackageCredentialTypes, PackageNodeTypes } from './types';

export { typeName, PACKAGE } from './types';

// Records run outputs, errors and the credentials used, for the secrets scan (test/reliability/secretsReporter.js).
const { record } = require('../reliability/capture') as {
	record: (kind: string, value: unknown) => void;
};

export const nodeTypes = new PackageNodeTypes();
export const credentialTypes = new PackageCredentialTypes();

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
	staticData?: IDataObject;
}

/** Additional data as n8n's CLI provides it, reduced to what nodes touch. */
export function additionalDataFor(
	credentials: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	urls: { webhookBaseUrl?: string } = {},
): IWorkflowExecuteAdditionalData {
	const base = urls.webhookBaseUrl ?? 'http://127.0.0.1:5678';
	return {
		credentialsHelper: credentials,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		userId: 'test-user',
		workflowId: 'test-workflow',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function credentialsHelperWith(
	credentials: Record<string, ICredentialDataDecryptedObject>,
): TestCredentialsHelper {
	const helper = new TestCredentialsHelper(credentialTypes);
	for (const [type, data] of Object.entries(credentials)) helper.set(type, data);
	record('credentials', credentials);
	return helper;
}

let workflowCount = 0;

export function buildWorkflow(definition: WorkflowDefinition): Workflow {
	return new Workflow({
		// One id per workflow, as in n8n: triggers keep per-workflow state in the process.
		id: `test-workflow-${++workflowCount}`,
		name: 'Test workflow',
		nodes: definition.nodes,
		connections: definition.connections,
		nodeTypes,
		active: false,
		staticData: definition.staticData,
		settings: { executionOrder: 'v1' },
	});
}

export interface RunResult {
	run: IRun;
	/** Output items of a node (first run, first output), or [] when it did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error of the run, if it stopped on one. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
}

/** Runs a workflow through n8n's real execution engine, starting at `startNode` with `input` items. */
export async function executeWorkflow(options: {
	workflow: Workflow;
	credentials: TestCredentialsHelper;
	startNode?: string;
	input?: INodeExecutionData[];
	/** All outputs of the start node at once (a webhook's `workflowData`); wins over `input`. */
	startData?: INodeExecutionData[][];
	mode?: WorkflowExecuteMode;
	webhookBaseUrl?: string;
}): Promise<RunResult> {
	const { workflow } = options;
	const start = workflow.getNode(options.startNode ?? 'Manual Trigger') ?? workflow.getStartNode();
	if (!start) throw new Error('The workflow has no start node');
	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', `exec-${Date.now()}`, {
		id: workflow.id,
		name: workflow.name ?? 'test',
		active: false,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	const additionalData = additionalDataFor(options.credentials, hooks, {
		webhookBaseUrl: options.webhookBaseUrl,
	});
	const runExecutionData: IRunExecutionData = {
		version: 1,
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{
					node: start,
					data: { main: options.startData ?? [options.input ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const run: IRun = await execution.processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const failure = run.data.resultData.error as (Error & { description?: string }) | undefined;
	record('run', {
		outputs: Object.fromEntries(
			Object.entries(runData).map(([node, runs]) => [
				node,
				runs.map((r) => ({
					data: r.data,
					error: r.error && { message: r.error.message, description: r.error.description },
				})),
			]),
		),
		error: failure && { message: failure.message, description: failure.description },
	});
	return {
		run,
		output: (nodeName, outputIndex = 0) => runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [],
		error: run.data.resultData.error as RunResult['error'],
	};
}

/** A node of this package, with sensible defaults for the test fixtures. */
export function packageNode(
	name: string,
	type: string,
	parameters: IDataObject,
	extra: Partial<INode> = {},
): INode {
	return {
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		...extra,
	};
}

/** Manual Trigger → the given nodes in a chain, as a user would wire them. */
export function chain(nodes: INode[]): WorkflowDefinition {
	const all = [packageNode('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}), ...nodes];
	const connections: IConnections = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { nodes: all, connections };
}

/**
 * Runs Manual Trigger → one node of ours, fed with `items`, with the given stored credentials.
 * The common case of the operation tests.
 */
export async function runNode(options: {
	type: string;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject> | TestCredentialsHelper;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Settings › On Error; `continueOnFail` is the same as 'continueRegularOutput'. */
	onError?: INode['onError'];
	credentialNames?: Record<string, string>;
	/** The node's typeVersion (default 1, what saved workflows of version 1 hold). */
	typeVersion?: number;
}): Promise<
	RunResult & {
		items: INodeExecutionData[];
		errorItems: INodeExecutionData[];
		helper: TestCredentialsHelper;
	}
> {
	const helper =
		options.credentials instanceof TestCredentialsHelper
			? options.credentials
			: credentialsHelperWith(options.credentials);
	const nodeCredentials: INode['credentials'] = {};
	for (const type of helper.store.keys()) nodeCredentials[type] = { id: type, name: type };
	const node = packageNode('Node', options.type, options.parameters, {
		credentials: nodeCredentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
		...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
	});
	const workflow = buildWorkflow(chain([node]));
	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const result = await executeWorkflow({ workflow, credentials: helper, input });
	return { ...result, items: result.output('Node'), errorItems: result.output('Node', 1), helper };
}
