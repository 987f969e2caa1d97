import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['step'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'List the steps of a record', action: 'Get many steps' },
		],
		default: 'getAll',
	},
	...getAll.description,
];
