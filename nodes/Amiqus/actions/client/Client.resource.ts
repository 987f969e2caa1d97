import type { INodeProperties } from 'n8n-workflow';

import { assigneeOperations } from '../assignees';
import { clientLocator } from '../common.descriptions';

import * as create from './create.operation';
import * as deleteClient from './delete.operation';
import * as downloadForm from './downloadForm.operation';
import * as get from './get.operation';
import * as getAddress from './getAddress.operation';
import * as getAll from './getAll.operation';
import * as getCorrections from './getCorrections.operation';
import * as getForm from './getForm.operation';
import * as getForms from './getForms.operation';
import * as getRecords from './getRecords.operation';
import * as setAddress from './setAddress.operation';
import * as update from './update.operation';
import * as updateCorrection from './updateCorrection.operation';

export {
	create,
	deleteClient as delete,
	downloadForm,
	get,
	getAddress,
	getAll,
	getCorrections,
	getForm,
	getForms,
	getRecords,
	setAddress,
	update,
	updateCorrection,
};

const assignees = assigneeOperations({
	resource: 'client',
	noun: 'client',
	withArticle: 'a client',
	locator: clientLocator,
	path: '/clients',
});
export const { addAssignees, getAssignees, removeAllAssignees, removeAssignee, replaceAssignees } =
	assignees.modules;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Accept or Reject Correction',
				value: 'updateCorrection',
				description: 'Accept (optionally amended) or reject a name correction the client proposed',
				action: 'Accept or reject a client correction',
			},
			{ ...assignees.options.addAssignees },
			{
				name: 'Create',
				value: 'create',
				description: 'Create a client',
				action: 'Create a client',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a client',
				action: 'Delete a client',
			},
			{
				name: 'Download Form',
				value: 'downloadForm',
				description: 'Download a form of a client as a PDF file',
				action: 'Download a client form',
			},
			{ name: 'Get', value: 'get', description: 'Get a client', action: 'Get a client' },
			{
				name: 'Get Address',
				value: 'getAddress',
				description: 'Get the address of a client',
				action: 'Get a client address',
			},
			{ ...assignees.options.getAssignees },
			{
				name: 'Get Corrections',
				value: 'getCorrections',
				description: 'List the name corrections a client proposed',
				action: 'Get many client corrections',
			},
			{
				name: 'Get Form',
				value: 'getForm',
				description: 'Get a form of a client with its fields and answers',
				action: 'Get a client form',
			},
			{
				name: 'Get Forms',
				value: 'getForms',
				description: 'List the forms of a client',
				action: 'Get many client forms',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List clients',
				action: 'Get many clients',
			},
			{
				name: 'Get Records',
				value: 'getRecords',
				description: 'List the records (requests) of a client',
				action: 'Get many records of a client',
			},
			{ ...assignees.options.removeAllAssignees },
			{ ...assignees.options.removeAssignee },
			{ ...assignees.options.replaceAssignees },
			{
				name: 'Set Address',
				value: 'setAddress',
				description: 'Replace the address of a client',
				action: 'Set a client address',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a client',
				action: 'Update a client',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteClient.description,
	...assignees.description,
	...getAddress.description,
	...setAddress.description,
	...getRecords.description,
	...getCorrections.description,
	...updateCorrection.description,
	...getForms.description,
	...getForm.description,
	...downloadForm.description,
];
