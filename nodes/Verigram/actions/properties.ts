import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/requestOptions';
import * as file from './file/File.resource';
import * as flow from './flow/Flow.resource';

/** Every parameter of the Verigram node: resource, then each resource's operations. */
export const requestOptions = requestOptionsProperty(
	'Verigram',
	'Verigram rate-limits test keys without saying how much: raise this with care.',
	1,
);

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Flow', value: 'flow' },
		],
		default: 'flow',
	},
	...flow.description,
	...file.description,
	requestOptions,
];
