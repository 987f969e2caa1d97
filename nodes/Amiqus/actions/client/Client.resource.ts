import type { INodeProperties } from 'n8n-workflow';

import { assigneeOperations } from '../assignees';
import { clientLocator } from '../common.descriptions';

import * as create from './create.operation';
import * as deleteClient from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteClient as delete, get, getAll, update };

const assignees = assigneeOperations(
	{ resource: 'client', noun: 'client', withArticle: 'a client', locator: clientLocator, path: '/clients' },
	['addAssignees', 'getAssignees', 'removeAllAssignees', 'removeAssignee', 'replaceAssignees'],
);
export const { addAssignees, getAssignees, removeAllAssignees, removeAssignee, replaceAssignees } = assignees.modules;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{ ...assignees.options.addAssignees },
			{ name: 'Create', value: 'create', description: 'Create a client', action: 'Create a client' },
			{ name: 'Delete', value: 'delete', description: 'Delete a client', action: 'Delete a client' },
			{ name: 'Get', value: 'get', description: 'Get a client', action: 'Get a client' },
			{ ...assignees.options.getAssignees },
			{ name: 'Get Many', value: 'getAll', description: 'List clients', action: 'Get many clients' },
			{ ...assignees.options.removeAllAssignees },
			{ ...assignees.options.removeAssignee },
			{ ...assignees.options.replaceAssignees },
			{ name: 'Update', value: 'update', description: 'Update a client', action: 'Update a client' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteClient.description,
	...assignees.description,
];
