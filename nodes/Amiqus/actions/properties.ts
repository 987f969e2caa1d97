import type { INodeProperties } from 'n8n-workflow';

import * as client from './client/Client.resource';

/** Every parameter of the Amiqus node: authentication, resource, then each resource's operations. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Personal Access Token', value: 'accessToken' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'accessToken',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Client', value: 'client' }],
		default: 'client',
	},
	...client.description,
];
