import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteFormTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteFormTemplate as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['formTemplate'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a form template (a questionnaire clients fill in as a form step)',
				action: 'Create a form template',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a form template',
				action: 'Delete a form template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a form template with its fields',
				action: 'Get a form template',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the form templates of the team',
				action: 'Get many form templates',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the name, fields, instructions of a form template, or turn it on or off',
				action: 'Update a form template',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteFormTemplate.description,
];
