import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { expandQuery, returnAllOrLimit, sortCollection } from '../common.descriptions';

const SORT_FIELDS = ['created_at', 'updated_at', 'expires_at'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	sortCollection([
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Expires At', value: 'expires_at' },
		{ name: 'Updated At', value: 'updated_at' },
	]),
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
					{ name: 'Created By', value: 'created_by' },
					{ name: 'Source', value: 'source' },
				],
				default: [],
				description: 'Linked objects to return in full instead of as IDs',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (sort.sort_by) qs.sort_by = check.oneOf('Sort By', sort.sort_by, SORT_FIELDS);
	if (sort.order_by) qs.order_by = check.oneOf('Order', sort.order_by, ['asc', 'desc'] as const);
	return await amiqusList(this, '/files', qs, { returnAll, limit, itemIndex });
}
