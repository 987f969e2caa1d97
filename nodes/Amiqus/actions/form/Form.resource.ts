import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['form'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					"List the forms of your team's clients: those your team filled in and those sent in records",
				action: 'Get many forms',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
