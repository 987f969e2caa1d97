import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { amiqusList } from '../../transport';
import { orderByOption, returnAllOrLimit } from '../common.descriptions';

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
				displayName: 'Include Causer Details',
				name: 'expandCauser',
				type: 'boolean',
				default: false,
				description: 'Whether to include the check that used the credits instead of only its ID',
			},
			{ ...orderByOption, description: 'Oldest first (ascending) or newest first (descending)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getCredits'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.order_by) Object.assign(qs, { sort_by: 'created_at', order_by: options.order_by });
	if (options.expandCauser === true) qs.expand = 'causer';
	return await amiqusList(this, '/credits', qs, { returnAll, limit, itemIndex });
}
