import type { IDataObject } from 'n8n-workflow';

import { clientVisibilityFilter } from '../common.descriptions';
import { assigneeFilter } from '../idList';
import { listOperation } from '../listOperation';
import {
	caseAssignedToFilter,
	caseExpandOption,
	caseStatusOptions,
	caseVisibilityFilter,
} from './fields';

export const { description, execute } = listOperation({
	resource: 'case',
	path: '/cases',
	filters: [
		caseAssignedToFilter,
		{
			displayName: 'Client ID',
			name: 'client',
			type: 'number',
			default: 0,
			description: 'Only the cases of this client',
		},
		clientVisibilityFilter('cases'),
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
			description: "Fuzzy match on the case name and the client's names",
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: caseStatusOptions,
			default: 'action_required',
		},
		caseVisibilityFilter,
	],
	sortBy: [
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Client First Name', value: 'client.name.first_name' },
		{ name: 'Client Last Name', value: 'client.name.last_name' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Reference', value: 'reference' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [caseExpandOption],
	query: ({ filters, check }) => {
		const qs: IDataObject = {};
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
		return qs;
	},
});
