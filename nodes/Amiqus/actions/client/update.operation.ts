import { clientLocator } from '../common.descriptions';
import { updateOperation } from '../updateOperation';
import { clientBody, optionalClientFields } from './fields';

export const { description, execute } = updateOperation({
	resource: 'client',
	target: clientLocator,
	path: (id) => `/clients/${id}`,
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			default: '',
		},
		{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		...optionalClientFields,
	],
	body: clientBody,
});
