import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';
import * as replace from './replace.operation';

export { add, getAll, remove, removeAll, replace };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clientOrganisation'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add a client to organisations, keeping the ones it belongs to',
				action: 'Add a client to organisations',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the organisations a client belongs to',
				action: 'Get the organisations of a client',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove a client from one organisation',
				action: 'Remove a client from an organisation',
			},
			{
				name: 'Remove All',
				value: 'removeAll',
				description: 'Remove a client from every organisation',
				action: 'Remove a client from all organisations',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Make a client belong to exactly these organisations',
				action: 'Replace the organisations of a client',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...add.description,
	...replace.description,
	...remove.description,
	...removeAll.description,
];
