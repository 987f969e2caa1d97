import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { expandQuery, returnAllOrLimit, sortCollection, visibilityOptions } from '../common.descriptions';
import { assigneeFilter } from '../idList';
import { caseExpandOption, caseStatusOptions } from './fields';

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
				displayName: 'Assigned To',
				name: 'assigned_to',
				type: 'string',
				default: '',
				placeholder: 'e.g. 7832',
				description: 'A team member user ID, or "unassigned" for cases assigned to nobody',
			},
			{
				displayName: 'Client ID',
				name: 'client',
				type: 'number',
				default: 0,
				description: 'Only the cases of this client',
			},
			{
				displayName: 'Client Visibility',
				name: 'client_visibility',
				type: 'options',
				options: visibilityOptions,
				default: 'active',
				description: 'Only cases of active or of archived clients',
			},
			{
				displayName: 'Created By',
				name: 'created_by',
				type: 'number',
				default: 0,
				description: 'Only cases created by this team member (user ID)',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Only cases with this reference',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Fuzzy match on the case name and the client\'s names',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: caseStatusOptions,
				default: 'action_required',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: visibilityOptions,
				default: 'active',
				description: 'Only active or only archived cases',
			},
		],
	},
	sortCollection([
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Client First Name', value: 'client.name.first_name' },
		{ name: 'Client Last Name', value: 'client.name.last_name' },
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
		options: [caseExpandOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	for (const key of ['status', 'visibility', 'client_visibility'] as const) {
		if (filters[key]) qs[key] = filters[key];
	}
	for (const key of ['reference', 'search'] as const) {
		const text = String(filters[key] ?? '').trim();
		if (text) qs[key] = text;
	}
	if (filters.client) qs.client = check.positiveInteger('Client ID', filters.client);
	if (filters.created_by) qs.created_by = check.positiveInteger('Created By', filters.created_by);
	const assignedTo = assigneeFilter(check, 'Assigned To', filters.assigned_to);
	if (assignedTo !== undefined) qs.assigned_to = assignedTo;
	if (sort.sort_by) qs.sort_by = sort.sort_by;
	if (sort.order_by) qs.order_by = sort.order_by;
	return await amiqusList(this, '/cases', qs, { returnAll, limit, itemIndex });
}
