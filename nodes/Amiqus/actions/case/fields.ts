import type { INodeProperties } from 'n8n-workflow';

import { visibilityFilter } from '../common.descriptions';

/** The statuses of a case, as Amiqus lists them ("Pending" is deprecated by Amiqus). */
export const CASE_STATUSES = [
	'action_required',
	'approved',
	'awaiting_response',
	'on_hold',
	'pending',
	'rejected',
	'reviewed_pending_decision',
] as const;

export const caseStatusOptions = [
	{ name: 'Action Required', value: 'action_required' },
	{ name: 'Approved', value: 'approved' },
	{ name: 'Awaiting Response', value: 'awaiting_response' },
	{ name: 'On Hold', value: 'on_hold' },
	{ name: 'Pending (Deprecated)', value: 'pending' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Reviewed, Pending Decision', value: 'reviewed_pending_decision' },
];

/** `expand` of a case: its client, items and assignees in full instead of their IDs. */
export const caseExpandOption: INodeProperties = {
	displayName: 'Include',
	name: 'expand',
	type: 'multiOptions',
	options: [
		{ name: 'Assignees', value: 'assignees', description: 'The assigned team members in full' },
		{ name: 'Client', value: 'client', description: 'The client of the case in full' },
		{ name: 'Items', value: 'items', description: 'The items (records) of the case in full' },
	],
	default: [],
	description: 'What to return in full instead of as IDs',
};

/** The Assigned To filter of the case lists and counts. */
export const caseAssignedToFilter: INodeProperties = {
	displayName: 'Assigned To',
	name: 'assigned_to',
	type: 'string',
	default: '',
	placeholder: 'e.g. 7832',
	description: 'A team member user ID, or "unassigned" for cases assigned to nobody',
};

/** The Visibility filter of the case lists and counts. */
export const caseVisibilityFilter = visibilityFilter('cases');
