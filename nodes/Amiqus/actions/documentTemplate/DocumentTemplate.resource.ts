import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['documentTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the document templates of the team (what a Document Request step asks a client to upload)',
				action: 'Get many document templates',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
