import type { IDataObject } from 'n8n-workflow';

import { recordVerification } from '../../verdict';
import { clientVisibilityFilter, visibilityFilter } from '../common.descriptions';
import { assigneeFilter } from '../idList';
import { includeOption, listOperation } from '../listOperation';

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

export const { description, execute } = listOperation({
	resource: 'record',
	path: '/records',
	filters: [
		{
			displayName: 'Assignee',
			name: 'assignee',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7832',
			description: 'A team member user ID, or "unassigned" for records assigned to nobody',
		},
		clientVisibilityFilter('records'),
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
		visibilityFilter('records'),
	],
	sortBy: [
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Client First Name', value: 'client.name.first_name' },
		{ name: 'Client Last Name', value: 'client.name.last_name' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [
		includeOption(
			'Include Client',
			'expandClient',
			true,
			'Whether to return the whole client object of each record instead of its ID',
		),
	],
	query: ({ filters, options, check }) => {
		const qs: IDataObject = {};
		for (const key of ['status', 'visibility', 'client_visibility'] as const) {
			if (filters[key]) qs[key] = filters[key];
		}
		if (filters.created_by) qs.created_by = check.positiveInteger('Created By', filters.created_by);
		const assignee = assigneeFilter(check, 'Assignee', filters.assignee);
		if (assignee !== undefined) qs.assignee = assignee;
		if (options.expandClient) qs.expand = 'client';
		return qs;
	},
	map: (record) => ({ ...record, verification: recordVerification(record) }),
	// What Simplify keeps of each record besides `verification`.
	verdictKeys: ['id', 'status', 'perform_url', 'created_at', 'updated_at', 'expired_at'],
});
