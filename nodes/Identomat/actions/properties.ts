import type { INodeProperties } from 'n8n-workflow';

import * as session from './session/Session.resource';

/** Every parameter of the Identomat node. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Session', value: 'session' }],
		default: 'session',
	},
	...session.description,
];
