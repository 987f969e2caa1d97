import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialSecrets, redactError, redactSecrets } from './redact';

/** What an operation returns for one input item. */
export type OperationResult =
	IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<OperationResult>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		!!value &&
		typeof value === 'object' &&
		'json' in (value as object) &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/**
 * The output item of a failed input item under "Continue On Fail": `{ error, message }`, where
 * `message` is what to do about it and the HTTP status ("Check the ID: ... (HTTP 404)").
 * n8n 1.x sends an item to the error output ("Continue (using error output)") only when its json
 * is exactly `{ error }` or `{ error, message }` (2.x also allows `details`), and n8n replaces the
 * json of an item that carries `item.error` with the bare message; so nothing else goes in.
 */
function errorItem(
	wrapped: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const httpCode = wrapped instanceof NodeApiError ? wrapped.httpCode : undefined;
	const message = [
		wrapped.description ? redactSecrets(wrapped.description) : '',
		httpCode ? `(HTTP ${httpCode})` : '',
	]
		.filter(Boolean)
		.join(' ');
	return {
		json: { error: redactSecrets(wrapped.message), ...(message ? { message } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/**
 * Runs an operation for every input item. Each output item is paired with its input.
 * With "Continue On Fail", a failing item becomes `{ error, message }` and the others go on;
 * without it, the error names the item and stops the node.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	options: { concurrency?: number } = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = toItems(await operation.call(this, itemIndex), itemIndex);
		} catch (error) {
			const wrapped = redactError(
				withItemIndex(this, error, itemIndex),
				await credentialSecrets(this, itemIndex),
			);
			if (!this.continueOnFail()) throw wrapped;
			results[itemIndex] = [errorItem(wrapped, itemIndex)];
		}
	};

	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
	let next = 0;
	let failure: unknown;
	const worker = async (limit = items.length) => {
		while (next < limit && failure === undefined) {
			const itemIndex = next++;
			try {
				await runOne(itemIndex);
			} catch (error) {
				failure ??= error;
			}
		}
	};
	// The first item runs alone: a credential that fetches a token before its first request
	// (Ondato) fetches it once, and a wrong credential fails once instead of `concurrency` times.
	if (concurrency > 1) await worker(1);
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, () => worker()));
	if (failure !== undefined) throw failure;
	return [results.flat()];
}

function withItemIndex(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
