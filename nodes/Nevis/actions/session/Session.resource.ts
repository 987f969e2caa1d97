import type { INodeProperties } from 'n8n-workflow';

import * as deleteSession from './delete.operation';
import * as get from './get.operation';
import * as start from './start.operation';

export { deleteSession as delete, get, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['identityVerificationSession'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a session and its data',
				action: 'Delete an identity verification session',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the status of a session, and its result and data once finished',
				action: 'Get an identity verification session',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start a session and get the start URL to send the person to',
				action: 'Start an identity verification session',
			},
		],
		default: 'start',
	},
	...start.description,
	...get.description,
	...deleteSession.description,
];
