import type { IDataObject } from 'n8n-workflow';

import { updateOperation } from '../updateOperation';

export const { description, execute } = updateOperation({
	resource: 'team',
	path: '/team',
	fields: [
		{
			displayName: 'Contact Email',
			name: 'contact',
			type: 'string',
			placeholder: 'e.g. compliance@example.com',
			default: '',
			description: 'The email address clients can contact the team on',
		},
		{
			displayName: 'Telephone',
			name: 'telephone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +44 20 7946 0000',
		},
	],
	body: (check, fields) => {
		const body: IDataObject = {};
		if (fields.contact !== undefined) body.contact = check.email('Contact Email', fields.contact);
		if (fields.telephone !== undefined)
			body.telephone = check.required('Telephone', fields.telephone);
		return body;
	},
});
