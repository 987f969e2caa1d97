import type { INodeProperties } from 'n8n-workflow';

import { assigneeOperations } from '../assignees';
import { organisationLocator } from '../common.descriptions';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getClients from './getClients.operation';
import * as update from './update.operation';

export { create, get, getAll, getClients, update };

const assignees = assigneeOperations({
	resource: 'organisation',
	noun: 'organisation',
	withArticle: 'an organisation',
	locator: organisationLocator,
	path: '/organisations',
});
export const { addAssignees, getAssignees, removeAllAssignees, removeAssignee, replaceAssignees } =
	assignees.modules;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{ ...assignees.options.addAssignees },
			{
				name: 'Create',
				value: 'create',
				description: 'Create an organisation (a business to check)',
				action: 'Create an organisation',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an organisation',
				action: 'Get an organisation',
			},
			{ ...assignees.options.getAssignees },
			{
				name: 'Get Clients',
				value: 'getClients',
				description: 'List the clients (people) of an organisation',
				action: 'Get the clients of an organisation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List organisations',
				action: 'Get many organisations',
			},
			{ ...assignees.options.removeAllAssignees },
			{ ...assignees.options.removeAssignee },
			{ ...assignees.options.replaceAssignees },
			{
				name: 'Update',
				value: 'update',
				description: 'Update an organisation',
				action: 'Update an organisation',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...getClients.description,
	...assignees.description,
];
