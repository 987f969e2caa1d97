import { createOperation } from '../createOperation';
import { clientBody, optionalClientFields } from './fields';

export const { description, execute } = createOperation({
	resource: 'client',
	path: '/clients',
	fields: [
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Martin',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. McFly',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			default: '',
			required: true,
			description: 'Amiqus sends the request emails here',
		},
	],
	additional: optionalClientFields,
	body: (check, { firstName, lastName, email, ...additional }) =>
		clientBody(check, {
			...additional,
			first_name: check.required('First Name', firstName),
			last_name: check.required('Last Name', lastName),
			email,
		}),
});
