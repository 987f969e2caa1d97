import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the files of your team's clients",
				action: 'Get many files',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
