import type { INodeProperties } from 'n8n-workflow';

import { assigneeOperations } from '../assignees';
import { caseLocator } from '../common.descriptions';

import * as addItems from './addItems.operation';
import * as create from './create.operation';
import * as createReview from './createReview.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getItems from './getItems.operation';
import * as getReviews from './getReviews.operation';
import * as getStatusCounts from './getStatusCounts.operation';
import * as removeItem from './removeItem.operation';
import * as update from './update.operation';

export {
	addItems,
	create,
	createReview,
	get,
	getAll,
	getItems,
	getReviews,
	getStatusCounts,
	removeItem,
	update,
};

// Amiqus has no endpoint that assigns team members to a case: only Get Assignees.
const assignees = assigneeOperations(
	{ resource: 'case', noun: 'case', withArticle: 'a case', locator: caseLocator, path: '/cases' },
	['getAssignees'],
);
export const { getAssignees } = assignees.modules;

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['case'] } },
		options: [
			{
				name: 'Add Items',
				value: 'addItems',
				description: 'Add records to a case, keeping the ones it holds',
				action: 'Add records to a case',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a case for a client, to group its records for one decision',
				action: 'Create a case',
			},
			{
				name: 'Create Review',
				value: 'createReview',
				description: 'Review a case: approve, reject or set another status',
				action: 'Review a case',
			},
			{ name: 'Get', value: 'get', description: 'Get a case', action: 'Get a case' },
			{ ...assignees.options.getAssignees },
			{
				name: 'Get Items',
				value: 'getItems',
				description: 'List the records of a case',
				action: 'Get the items of a case',
			},
			{ name: 'Get Many', value: 'getAll', description: 'List cases', action: 'Get many cases' },
			{
				name: 'Get Reviews',
				value: 'getReviews',
				description: 'List the reviews of a case',
				action: 'Get the reviews of a case',
			},
			{
				name: 'Get Status Counts',
				value: 'getStatusCounts',
				description: 'Count the cases in each status',
				action: 'Count cases by status',
			},
			{
				name: 'Remove Item',
				value: 'removeItem',
				description: 'Remove a record from a case',
				action: 'Remove an item from a case',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename, archive or change the reference of a case',
				action: 'Update a case',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...getItems.description,
	...addItems.description,
	...removeItem.description,
	...getReviews.description,
	...createReview.description,
	...getStatusCounts.description,
	...assignees.description,
];
