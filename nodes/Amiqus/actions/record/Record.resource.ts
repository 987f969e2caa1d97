import type { INodeProperties } from 'n8n-workflow';

import { assigneeOperations } from '../assignees';
import { recordLocator } from '../common.descriptions';

import * as archive from './archive.operation';
import * as create from './create.operation';
import * as download from './download.operation';
import * as expire from './expire.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getDocuments from './getDocuments.operation';
import * as update from './update.operation';

export { archive, create, download, expire, get, getAll, getDocuments, update };

const assignees = assigneeOperations({
	resource: 'record',
	noun: 'record',
	withArticle: 'a record',
	locator: recordLocator,
	path: '/records',
});
export const { addAssignees, getAssignees, removeAllAssignees, removeAssignee, replaceAssignees } =
	assignees.modules;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ ...assignees.options.addAssignees },
			{
				name: 'Archive',
				value: 'archive',
				description:
					'Archive a record (Amiqus marks this call as deprecated; Update can archive too)',
				action: 'Archive a record',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a record (a request) for a client, from steps or a template',
				action: 'Create a record',
			},
			{
				name: 'Download PDF',
				value: 'download',
				description: 'Download the record as a PDF',
				action: 'Download a record PDF',
			},
			{
				name: 'Expire',
				value: 'expire',
				description: 'Expire a record now',
				action: 'Expire a record',
			},
			{ name: 'Get', value: 'get', description: 'Get a record', action: 'Get a record' },
			{ ...assignees.options.getAssignees },
			{
				name: 'Get Documents',
				value: 'getDocuments',
				description: 'List the documents of a record: those requested from and sent to the person',
				action: 'Get many documents of a record',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List records',
				action: 'Get many records',
			},
			{ ...assignees.options.removeAllAssignees },
			{ ...assignees.options.removeAssignee },
			{ ...assignees.options.replaceAssignees },
			{
				name: 'Update',
				value: 'update',
				description: 'Archive, review, set reminders or the expiry of a record',
				action: 'Update a record',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...expire.description,
	...download.description,
	...assignees.description,
	...archive.description,
	...getDocuments.description,
];
