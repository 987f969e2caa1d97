import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from './execute';
import { runForEachItem } from './execute';

/** resource name → operation name → the module of that operation (its `execute`). */
export type ResourceMap = Record<string, Record<string, { execute: ItemOperation } | unknown>>;

/** Picks the operation the user chose and runs it for every item. */
export async function routeOperation(
	this: IExecuteFunctions,
	resources: ResourceMap,
	options: { concurrency?: number } = {},
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as { execute?: ItemOperation } | undefined;
	if (!module?.execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await runForEachItem.call(this, module.execute, options);
}
