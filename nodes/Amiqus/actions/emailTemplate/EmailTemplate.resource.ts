import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['emailTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the email templates of the team (the emails Amiqus sends to clients)',
				action: 'Get many email templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
