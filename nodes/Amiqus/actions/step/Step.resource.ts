import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getAvailable from './getAvailable.operation';
import * as validate from './validate.operation';

export { getAll, getAvailable, validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['step'] } },
		options: [
			{
				name: 'Get Available Types',
				value: 'getAvailable',
				description: 'List the step types your team can use, with what each costs',
				action: 'Get many available step types',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the steps of a record',
				action: 'Get many steps',
			},
			{
				name: 'Validate',
				value: 'validate',
				description:
					'Check steps before creating a record and get what they cost; nothing is created',
				action: 'Validate steps',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getAvailable.description,
	...validate.description,
];
