import { caseLocator } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'case',
	operation: 'getItems',
	parents: [caseLocator],
	path: (id) => `/cases/${id}/items`,
	options: [
		includeOption(
			'Include Records',
			'expandEntity',
			true,
			'Whether to return the record of each item in full instead of its ID',
		),
	],
	query: ({ options }) => (options.expandEntity ? { expand: 'entity' } : {}),
});
