import type { IDataObject } from 'n8n-workflow';

import { orderByOption, recordLocator, stepIdField } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'review',
	parents: [recordLocator, stepIdField],
	path: (recordId, stepId) => `/records/${recordId}/steps/${stepId}/reviews`,
	options: [
		includeOption(
			'Include Reviewer',
			'expandReviewedBy',
			true,
			'Whether to return the team member who reviewed in full instead of their ID',
		),
		orderByOption,
		{
			displayName: 'Sort By',
			name: 'sort_by',
			type: 'options',
			options: [
				{ name: 'Created At', value: 'created_at' },
				{ name: 'Updated At', value: 'updated_at' },
			],
			default: 'created_at',
		},
	],
	query: ({ options }) => {
		const qs: IDataObject = {};
		if (options.sort_by) qs.sort_by = options.sort_by;
		if (options.order_by) qs.order_by = options.order_by;
		if (options.expandReviewedBy) qs.expand = 'reviewed_by';
		return qs;
	},
});
