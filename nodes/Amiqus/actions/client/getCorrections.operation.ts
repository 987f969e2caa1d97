import type { IDataObject } from 'n8n-workflow';

import { clientLocator, orderByOption } from '../common.descriptions';
import { expandOption, listOperation } from '../listOperation';
import { CORRECTION_STATUSES } from './corrections';

export const { description, execute } = listOperation({
	resource: 'client',
	operation: 'getCorrections',
	parents: [clientLocator],
	path: (id) => `/clients/${id}/corrections`,
	filters: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Accepted', value: 'accepted' },
				{ name: 'Pending', value: 'pending' },
				{ name: 'Rejected', value: 'rejected' },
			],
			default: 'pending',
			description: 'Only corrections with this status',
		},
	],
	options: [
		expandOption([
			{ name: 'Client', value: 'client' },
			{ name: 'Record', value: 'record' },
		]),
		{ ...orderByOption, description: 'Order by creation date' },
	],
	query: ({ filters, options, check }) => {
		const qs: IDataObject = {};
		if (filters.status) qs.status = check.oneOf('Status', filters.status, CORRECTION_STATUSES);
		if (options.order_by) {
			qs.sort_by = 'created_at';
			qs.order_by = check.oneOf('Order', options.order_by, ['asc', 'desc'] as const);
		}
		return qs;
	},
});
