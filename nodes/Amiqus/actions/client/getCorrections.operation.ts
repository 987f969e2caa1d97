import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { clientLocator, expandQuery, orderByOption, returnAllOrLimit } from '../common.descriptions';
import { CORRECTION_STATUSES } from './corrections';

const properties: INodeProperties[] = [
	clientLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Accepted', value: 'accepted' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Rejected', value: 'rejected' },
				],
				default: 'pending',
				description: 'Only corrections with this status',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expand',
				name: 'expand',
				type: 'multiOptions',
				options: [
					{ name: 'Client', value: 'client' },
					{ name: 'Record', value: 'record' },
				],
				default: [],
				description: 'Linked objects to return in full instead of as IDs',
			},
			{ ...orderByOption, description: 'Order by creation date' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getCorrections'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Client', this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (filters.status) qs.status = check.oneOf('Status', filters.status, CORRECTION_STATUSES);
	if (options.order_by) {
		qs.sort_by = 'created_at';
		qs.order_by = check.oneOf('Order', options.order_by, ['asc', 'desc'] as const);
	}
	return await amiqusList(this, `/clients/${id}/corrections`, qs, { returnAll, limit, itemIndex });
}
