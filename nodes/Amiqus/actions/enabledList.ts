import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { returnAllOrLimitOf } from '../../shared/pagination';
import { amiqusList } from '../transport';
import { returnAllOrLimit } from './common.descriptions';

/**
 * A "Get Many" over an Amiqus list that filters on `enabled` only (email, document and form
 * templates, webhooks): Return All / Limit and an Enabled filter.
 */
export function enabledListOperation(resource: string, path: string, what: string) {
	const properties: INodeProperties[] = [
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Enabled',
					name: 'enabled',
					type: 'boolean',
					default: true,
					description: `Whether to list only enabled (true) or only disabled (false) ${what}`,
				},
			],
		},
	];
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: ['getAll'] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const qs: IDataObject = {};
			if (typeof filters.enabled === 'boolean') qs.enabled = filters.enabled;
			return await amiqusList(this, path, qs, { returnAll, limit, itemIndex });
		},
	};
}
