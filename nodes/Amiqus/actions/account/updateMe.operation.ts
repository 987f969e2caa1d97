import { updateFieldsOperation } from '../updateFields';

export const { description, execute } = updateFieldsOperation('account', 'updateMe', '/me', [
	{ field: { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Robert Gale' }, kind: 'required' },
	{
		field: {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			default: '',
			description: 'Amiqus changes it only once the user confirms it from an email sent to the current address; until then the output shows the old one',
		},
		kind: 'email',
	},
]);
