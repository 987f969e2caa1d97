import type { IDataObject } from 'n8n-workflow';

import { decisionOptions, visibilityFilter } from '../common.descriptions';
import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'client',
	path: '/clients',
	filters: [
		{
			displayName: 'Assignee ID',
			name: 'assignee',
			type: 'number',
			default: 0,
			description: 'Only clients assigned to this team member',
		},
		{
			displayName: 'Deletion Date',
			name: 'deletion_date',
			type: 'options',
			options: [
				{ name: 'Not Set', value: 'not_set' },
				{ name: 'Overdue', value: 'overdue' },
				{ name: 'Today', value: 'today' },
				{ name: 'Upcoming', value: 'upcoming' },
			],
			default: 'upcoming',
		},
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: 'Exact match on your own reference, case-insensitive',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Fuzzy match on names, reference and organisation name',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: decisionOptions,
			default: 'pending',
		},
		visibilityFilter(),
	],
	sortBy: [
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Deletion Date', value: 'deletion_date' },
		{ name: 'First Name', value: 'name.first_name' },
		{ name: 'Last Name', value: 'name.last_name' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	query: ({ filters }) => {
		const qs: IDataObject = {};
		for (const [key, value] of Object.entries(filters)) {
			if (value !== '' && value !== undefined && !(key === 'assignee' && !value)) qs[key] = value;
		}
		return qs;
	},
});
