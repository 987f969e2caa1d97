import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Items processed at the same time when the user sets nothing. */
export const DEFAULT_CONCURRENCY = 5;
/** Upper bound, so a large input cannot flood the provider past its rate limit. */
export const MAX_CONCURRENCY = 20;

/**
 * The node-level "Request Options" collection: settings that apply to every operation of a
 * node, read once per execution by `executionOptions` and handed to `routeOperation`.
 */
export function requestOptionsProperty(
	provider: string,
	rateLimitNote: string,
	defaultConcurrency = DEFAULT_CONCURRENCY,
): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
				default: defaultConcurrency,
				description: `How many input items are sent to ${provider} at the same time (1 to ${MAX_CONCURRENCY}). Output order is kept. ${rateLimitNote} Rate-limited requests are retried after the wait ${provider} asks for.`,
			},
		],
	};
}

/**
 * Reads the node-level Request Options once (from the first item) and clamps them to safe bounds.
 * An option the user has not added is absent from the parameters: its default is read from the
 * node's own `requestOptions` property.
 */
export function executionOptions(
	ctx: IExecuteFunctions,
	requestOptions: INodeProperties,
): { concurrency: number } {
	const declared = (requestOptions.options as INodeProperties[] | undefined)?.find(
		(o) => o.name === 'concurrency',
	);
	const defaultConcurrency = Number(declared?.default ?? DEFAULT_CONCURRENCY);
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as { concurrency?: unknown };
	const requested = Number(options.concurrency ?? defaultConcurrency);
	const concurrency = Number.isFinite(requested) ? Math.floor(requested) : defaultConcurrency;
	return { concurrency: Math.min(MAX_CONCURRENCY, Math.max(1, concurrency)) };
}
