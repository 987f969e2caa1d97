import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { formExpandOption, formTypeOptions } from '../client/forms';
import { expandQuery, returnAllOrLimit, sortCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Type', name: 'type', type: 'options', options: formTypeOptions, default: 'requested' }],
	},
	sortCollection([
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Updated At', value: 'updated_at' },
	]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [formExpandOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['form'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (filters.type) qs.type = check.oneOf('Type', filters.type, ['internal', 'requested'] as const);
	if (sort.sort_by) qs.sort_by = check.oneOf('Sort By', sort.sort_by, ['created_at', 'updated_at'] as const);
	if (sort.order_by) qs.order_by = check.oneOf('Order', sort.order_by, ['asc', 'desc'] as const);
	return await amiqusList(this, '/forms', qs, { returnAll, limit, itemIndex });
}
