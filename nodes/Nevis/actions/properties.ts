import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/requestOptions';
import * as session from './session/Session.resource';

/** Every parameter of the Nevis node: resource, then its operations. */
export const requestOptions = requestOptionsProperty(
	'Nevis',
	'Nevis documents no rate limit: raise this with care.',
	1,
);

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
	requestOptions,
];
