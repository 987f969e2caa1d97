import type { INodeProperties } from 'n8n-workflow';

import * as createSdkToken from './createSdkToken.operation';
import * as getCredits from './getCredits.operation';
import * as getMe from './getMe.operation';
import * as getMyTeams from './getMyTeams.operation';
import * as getStatus from './getStatus.operation';
import * as updateMe from './updateMe.operation';

export { createSdkToken, getCredits, getMe, getMyTeams, getStatus, updateMe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Check Status',
				value: 'getStatus',
				description: 'Check that the token is valid and Amiqus is working',
				action: 'Check the service status',
			},
			{
				name: 'Create SDK Token',
				value: 'createSdkToken',
				description:
					'Create a token, valid for 60 minutes, that lets the Amiqus web SDK run one record in your own page',
				action: 'Create an SDK token',
			},
			{
				name: 'Get Credit History',
				value: 'getCredits',
				description: 'List how the team used its credits',
				action: 'Get the credit history',
			},
			{
				name: 'Get Me',
				value: 'getMe',
				description: 'Get the user the token belongs to',
				action: 'Get my user account',
			},
			{
				name: 'Get My Teams',
				value: 'getMyTeams',
				description: 'List every team the user of the token belongs to',
				action: 'Get my teams',
			},
			{
				name: 'Update Me',
				value: 'updateMe',
				description: 'Change the name or email address of the user the token belongs to',
				action: 'Update my user account',
			},
		],
		default: 'getMe',
	},
	...getStatus.description,
	...getMe.description,
	...updateMe.description,
	...getMyTeams.description,
	...getCredits.description,
	...createSdkToken.description,
];
