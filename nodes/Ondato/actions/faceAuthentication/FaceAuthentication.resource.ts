import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['faceAuthentication'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a face authentication',
				action: 'Get a face authentication',
			},
		],
		default: 'get',
	},
	...get.description,
];
