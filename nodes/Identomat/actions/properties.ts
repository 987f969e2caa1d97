import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/requestOptions';
import * as session from './session/Session.resource';

/** Every parameter of the Identomat node. */
export const requestOptions = requestOptionsProperty(
	'Identomat',
	'Identomat documents no rate limit: raise this with care.',
	1,
);

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
	requestOptions,
];
