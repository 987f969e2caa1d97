import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['check'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a check and its status',
				action: 'Get a check',
			},
		],
		default: 'get',
	},
	...get.description,
];
