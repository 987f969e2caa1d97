import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getAll from './getAll.operation';

export { download, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clientFile'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a file of a client, e.g. a Photo ID image',
				action: 'Download a client file',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the files of a client',
				action: 'Get many client files',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...download.description,
];
