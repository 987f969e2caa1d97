import { clientLocator } from '../common.descriptions';
import { listOperation } from '../listOperation';
import { organisationExpandOption } from '../organisation/expand';

export const { description, execute } = listOperation({
	resource: 'clientOrganisation',
	parents: [clientLocator],
	path: (id) => `/clients/${id}/organisations`,
	sortBy: [
		{ name: 'Archived At', value: 'archived_at' },
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Name', value: 'name' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [organisationExpandOption],
});
