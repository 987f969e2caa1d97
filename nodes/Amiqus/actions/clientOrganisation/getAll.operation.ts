import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { clientLocator, expandQuery, returnAllOrLimit, sortCollection } from '../common.descriptions';
import { organisationExpandOption } from '../organisation/expand';

const properties: INodeProperties[] = [
	clientLocator,
	...returnAllOrLimit(),
	sortCollection([
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Updated At', value: 'updated_at' },
	]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [organisationExpandOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientOrganisation'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Client', this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (sort.sort_by) qs.sort_by = sort.sort_by;
	if (sort.order_by) qs.order_by = sort.order_by;
	return await amiqusList(this, `/clients/${id}/organisations`, qs, { returnAll, limit, itemIndex });
}
