import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the documents of your team's document library",
				action: 'Get many library documents',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
