import { clientLocator } from '../common.descriptions';
import { listOperation } from '../listOperation';
import { formExpandOption, formTypeFilter, formTypeQuery } from './forms';

export const { description, execute } = listOperation({
	resource: 'client',
	operation: 'getForms',
	parents: [clientLocator],
	path: (id) => `/clients/${id}/forms`,
	filters: [formTypeFilter],
	options: [formExpandOption],
	query: formTypeQuery,
});
