import type { IDataObject } from 'n8n-workflow';

import { orderByOption } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'account',
	operation: 'getCredits',
	path: '/credits',
	options: [
		includeOption(
			'Include Causer Details',
			'expandCauser',
			false,
			'Whether to include the check that used the credits instead of only its ID',
		),
		{ ...orderByOption, description: 'Oldest first (ascending) or newest first (descending)' },
	],
	query: ({ options }) => {
		const qs: IDataObject = {};
		if (options.order_by) Object.assign(qs, { sort_by: 'created_at', order_by: options.order_by });
		if (options.expandCauser === true) qs.expand = 'causer';
		return qs;
	},
});
