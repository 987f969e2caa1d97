import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { recordVerification } from '../../verdict';
import { returnAllOrLimit, sortCollection, visibilityOptions } from '../common.descriptions';

export const RECORD_STATUSES = [
	'amendments',
	'complete',
	'empty',
	'failed',
	'incomplete',
	'paused',
	'pending',
	'reviewed',
	'started',
	'waiting',
] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	verdictOnlyProperty,
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
				description: 'A team member user ID, or "unassigned" for records assigned to nobody',
			},
			{
				displayName: 'Client Visibility',
				name: 'client_visibility',
				type: 'options',
				options: visibilityOptions,
				default: 'active',
				description: 'Only records of active or of archived clients',
			},
			{
				displayName: 'Created By',
				name: 'created_by',
				type: 'number',
				default: 0,
				description: 'Only records created by this team member (user ID)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: RECORD_STATUSES.map((value) => ({
					name: value.charAt(0).toUpperCase() + value.slice(1),
					value,
				})),
				default: 'pending',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: visibilityOptions,
				default: 'active',
				description: 'Only active or only archived records',
			},
		],
	},
	sortCollection([
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Client First Name', value: 'client.name.first_name' },
		{ name: 'Client Last Name', value: 'client.name.last_name' },
		{ name: 'Created At', value: 'created_at' },
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
				displayName: 'Include Client',
				name: 'expandClient',
				type: 'boolean',
				default: true,
				description: 'Whether to return the whole client object of each record instead of its ID',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['getAll'] } },
	properties,
);

/** What Simplify keeps of each record besides `verification`. */
const RECORD_KEYS = ['id', 'status', 'perform_url', 'created_at', 'updated_at', 'expired_at'];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const key of ['status', 'visibility', 'client_visibility'] as const) {
		if (filters[key]) qs[key] = filters[key];
	}
	if (filters.created_by) qs.created_by = check.positiveInteger('Created By', filters.created_by);
	const assignee = String(filters.assignee ?? '').trim();
	if (assignee) {
		qs.assignee = /^(unassigned|false)$/i.test(assignee)
			? 'false'
			: check.positiveInteger('Assignee', assignee);
	}
	if (sort.sort_by) qs.sort_by = sort.sort_by;
	if (sort.order_by) qs.order_by = sort.order_by;
	if (options.expandClient) qs.expand = 'client';
	const records = await amiqusList(this, '/records', qs, { returnAll, limit, itemIndex });
	return records.map((record) =>
		verdictOutput(
			this,
			itemIndex,
			{ ...record, verification: recordVerification(record) },
			RECORD_KEYS,
		),
	);
}
