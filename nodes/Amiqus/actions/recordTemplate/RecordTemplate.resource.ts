import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recordTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the record templates of the team',
				action: 'Get many record templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
