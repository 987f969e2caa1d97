import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';

const { startSandbox } = require('../../sandbox');

export interface SandboxRequest {
	method: string;
	path: string;
	query: IDataObject;
	headers: IDataObject;
	body: unknown;
	status: number | null;
	/** When the sandbox received it (ISO 8601). */
	time: string;
	dropped?: boolean;
}

export type Sandbox = any;

/** One sandbox per test file, reset before every test; `sb.problems` must stay empty. */
export function useSandbox(): { sb: () => Sandbox } {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	beforeEach(() => sb.reset());
	afterEach(() => {
		expect(sb.problems).toEqual([]);
	});
	afterAll(async () => {
		await sb?.close();
	});
	return { sb: () => sb };
}

export function credentialsOf(sb: Sandbox, token?: string) {
	return {
		amiqusApi: {
			accessToken: token ?? sb.amiqus.config.personalTokens[0],
			baseUrl: sb.amiqus.baseUrl,
		},
	};
}

/** Runs the Amiqus node once through n8n's engine against the sandbox. */
export async function runAmiqus(
	sb: Sandbox,
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; token?: string } = {},
) {
	return await runNode({
		type: typeName('amiqus'),
		parameters,
		credentials: credentialsOf(sb, options.token),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** The requests the sandbox received, without the credential test or control calls. */
export function received(sb: Sandbox): SandboxRequest[] {
	return sb.requests('amiqus') as SandboxRequest[];
}

export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodeType } from 'n8n-workflow';

import {
	additionalDataFor,
	buildWorkflow,
	chain,
	credentialsHelperWith,
	nodeTypes,
	packageNode,
} from '../harness/engine';

/**
 * Calls a list-search method of the Amiqus node the way the n8n editor does: through n8n-core's
 * LoadOptionsContext for a node of a workflow, with the stored credential.
 */
export async function listSearch(
	sb: Sandbox,
	method: string,
	parameterName: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const helper = credentialsHelperWith(credentialsOf(sb));
	const node = packageNode(
		'Node',
		typeName('amiqus'),
		{ resource: 'record', operation: 'get' },
		{
			credentials: { amiqusApi: { id: 'amiqusApi', name: 'amiqusApi' } },
		},
	);
	const workflow = buildWorkflow(chain([node]));
	const hooks = new ExecutionLifecycleHooks('manual', 'load-options', {
		id: workflow.id,
		name: 'test',
		active: false,
		isArchived: false,
		nodes: Object.values(workflow.nodes),
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Node')!,
		additionalDataFor(helper, hooks),
		`parameters.${parameterName}`,
	);
	const type = nodeTypes.getByNameAndVersion(typeName('amiqus')) as INodeType;
	const fn = type.methods?.listSearch?.[method];
	if (!fn) throw new Error(`no list search method ${method}`);
	return await fn.call(context, filter, paginationToken);
}
