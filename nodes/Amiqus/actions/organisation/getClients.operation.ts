import { organisationLocator } from '../common.descriptions';
import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'organisation',
	operation: 'getClients',
	parents: [organisationLocator],
	path: (id) => `/organisations/${id}/clients`,
});
