import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['idvSetup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List IDV setups',
				action: 'Get many IDV setups',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
