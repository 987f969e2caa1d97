import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getResult from './getResult.operation';

export { create, get, getResult };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a flow and get its vlink, the page where the person identifies',
				action: 'Create a flow',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details and current state of a flow',
				action: 'Get a flow',
			},
			{
				name: 'Get Result',
				value: 'getResult',
				description: 'Get the result of a flow: flow_status, end_cause and per-service details',
				action: 'Get the result of a flow',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getResult.description,
];
