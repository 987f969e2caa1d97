import { updateFieldsOperation } from '../updateFields';

export const { description, execute } = updateFieldsOperation('team', 'update', '/team', [
	{
		field: {
			displayName: 'Contact Email',
			name: 'contact',
			type: 'string',
			placeholder: 'e.g. compliance@example.com',
			default: '',
			description: 'The email address clients can contact the team on',
		},
		kind: 'email',
	},
	{
		field: { displayName: 'Telephone', name: 'telephone', type: 'string', default: '', placeholder: 'e.g. +44 20 7946 0000' },
		kind: 'required',
	},
]);
