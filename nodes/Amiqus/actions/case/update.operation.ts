import type { IDataObject } from 'n8n-workflow';

import { caseLocator } from '../common.descriptions';
import { updateOperation } from '../updateOperation';

export const { description, execute } = updateOperation({
	resource: 'case',
	target: caseLocator,
	path: (id) => `/cases/${id}`,
	fields: [
		{
			displayName: 'Archived',
			name: 'is_archived',
			type: 'boolean',
			default: true,
			description: 'Whether the case is archived',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The name of the case',
		},
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: 'Your own reference for the case; leave empty to clear it',
		},
	],
	body: (check, fields) => {
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = check.required('Name', fields.name);
		if (fields.reference !== undefined)
			body.reference = String(fields.reference ?? '').trim() || null;
		if (fields.is_archived !== undefined) body.is_archived = fields.is_archived === true;
		return body;
	},
});
