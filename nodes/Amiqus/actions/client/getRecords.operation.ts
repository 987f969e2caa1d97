import { recordVerification } from '../../verdict';
import { clientLocator } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'client',
	operation: 'getRecords',
	parents: [clientLocator],
	path: (id) => `/clients/${id}/records`,
	options: [
		includeOption(
			'Include Client',
			'expandClient',
			false,
			'Whether to return the whole client object of each record instead of its ID',
		),
	],
	query: ({ options }) => (options.expandClient ? { expand: 'client' } : {}),
	map: (record) => ({ ...record, verification: recordVerification(record) }),
});
