import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimit, returnAllOrLimitOf } from '../../../shared/pagination';
import { listSetups } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Disabled',
				name: 'includeDisabled',
				type: 'boolean',
				default: true,
				description: 'Whether to include setups marked as disabled',
			},
			{
				displayName: 'Offset Parameter Name',
				name: 'offsetParameter',
				type: 'string',
				default: 'offset',
				description:
					'Query parameter that skips results when reading past the first page of 100. Ondato documents "limit" but not this name; if Ondato ignores it, reading stops after the first page instead of repeating it.',
			},
			{
				displayName: 'Order',
				name: 'orderDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'Asc' },
					{ name: 'Descending', value: 'Desc' },
				],
				default: 'Asc',
				description: 'Order by name',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['idvSetup'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const setups = await listSetups(this, {
		returnAll,
		limit,
		offsetParameter: String(options.offsetParameter || 'offset'),
		orderDirection: options.orderDirection === 'Desc' ? 'Desc' : 'Asc',
		itemIndex,
	});
	return options.includeDisabled === false
		? setups.filter((setup) => setup.isDisabled !== true)
		: setups;
}
