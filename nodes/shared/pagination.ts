import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One page as a provider returns it, reduced to what the loop needs. */
export interface Page<T> {
	items: T[];
	/** Whether the provider says there is a page after this one. */
	hasMore: boolean;
}

export interface CollectOptions {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit: number;
	/** Largest page the provider allows. */
	maxPageSize: number;
}

/** The "Return All" and "Limit" parameters of a list operation (read by returnAllOrLimitOf). */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Reads the "Return All" and "Limit" parameters of a list operation (limit 0 with Return All). */
export function returnAllOrLimitOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	return { returnAll, limit: returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex) as number) };
}

/**
 * "Return All / Limit" over any page-numbered API: asks for pages from 1 on, never more
 * items than needed, and stops when the provider says there is nothing more.
 */
export async function collectPages<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	options: CollectOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	// Page numbers only line up when every page has the same size.
	const pageSize = Math.min(options.maxPageSize, wanted);
	const results: T[] = [];
	for (let page = 1; results.length < wanted; page++) {
		const { items, hasMore } = await fetchPage(page, pageSize);
		results.push(...items.slice(0, wanted - results.length));
		if (!hasMore || items.length === 0) break;
	}
	return results;
}
