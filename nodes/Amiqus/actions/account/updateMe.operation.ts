import type { IDataObject } from 'n8n-workflow';

import { updateOperation } from '../updateOperation';

export const { description, execute } = updateOperation({
	resource: 'account',
	operation: 'updateMe',
	path: '/me',
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. nathan@example.com',
			default: '',
			description:
				'Amiqus changes it only once the user confirms it from an email sent to the current address; until then the output shows the old one',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Robert Gale',
		},
	],
	body: (check, fields) => {
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = check.required('Name', fields.name);
		if (fields.email !== undefined) body.email = check.email('Email', fields.email);
		return body;
	},
});
