import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getSetup from './getSetup.operation';

export { create, get, getSetup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['identityVerification'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an identity verification and get the link to send to the person',
				action: 'Create an identity verification',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an identity verification',
				action: 'Get an identity verification',
			},
			{
				name: 'Get Setup',
				value: 'getSetup',
				description: 'Get the setup version an identity verification uses',
				action: 'Get the setup of an identity verification',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getSetup.description,
];
