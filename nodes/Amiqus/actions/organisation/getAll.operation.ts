import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { expandQuery, returnAllOrLimit, sortCollection, visibilityOptions } from '../common.descriptions';
import { assigneeFilter } from '../idList';
import { organisationExpandOption } from './expand';

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
				displayName: 'Assignee',
				name: 'assignee',
				type: 'string',
				default: '',
				placeholder: 'e.g. 7832',
				description: 'A team member user ID, or "unassigned" for organisations assigned to nobody',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Fuzzy match on name, company number and reference',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: visibilityOptions,
				default: 'active',
				description: 'Only active or only archived organisations',
			},
		],
	},
	sortCollection([
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Reference', value: 'reference' },
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

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	const search = String(filters.search ?? '').trim();
	if (search) qs.search = search;
	if (filters.visibility) qs.visibility = filters.visibility;
	const assignee = assigneeFilter(check, 'Assignee', filters.assignee);
	if (assignee !== undefined) qs.assignee = assignee;
	if (sort.sort_by) qs.sort_by = sort.sort_by;
	if (sort.order_by) qs.order_by = sort.order_by;
	return await amiqusList(this, '/organisations', qs, { returnAll, limit, itemIndex });
}
