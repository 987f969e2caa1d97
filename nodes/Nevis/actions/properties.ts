import type { INodeProperties } from 'n8n-workflow';

import * as session from './session/Session.resource';

/** Every parameter of the Nevis node: resource, then its operations. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Identity Verification Session', value: 'identityVerificationSession' }],
		default: 'identityVerificationSession',
	},
	...session.description,
];
