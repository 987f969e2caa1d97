import type { IDataObject } from 'n8n-workflow';

import { visibilityFilter } from '../common.descriptions';
import { assigneeFilter } from '../idList';
import { listOperation } from '../listOperation';
import { organisationExpandOption } from './expand';

export const { description, execute } = listOperation({
	resource: 'organisation',
	path: '/organisations',
	filters: [
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
		visibilityFilter('organisations'),
	],
	sortBy: [
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Reference', value: 'reference' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [organisationExpandOption],
	query: ({ filters, check }) => {
		const qs: IDataObject = {};
		const search = String(filters.search ?? '').trim();
		if (search) qs.search = search;
		if (filters.visibility) qs.visibility = filters.visibility;
		const assignee = assigneeFilter(check, 'Assignee', filters.assignee);
		if (assignee !== undefined) qs.assignee = assignee;
		return qs;
	},
});
