import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['review'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Approve, reject or reset the review of a record step',
				action: 'Create a step review',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the reviews of a record step',
				action: 'Get many step reviews',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
