import type { INodeProperties } from 'n8n-workflow';

import * as begin from './begin.operation';
import * as deleteData from './deleteData.operation';
import * as downloadMedia from './downloadMedia.operation';
import * as getResult from './getResult.operation';

export { begin, deleteData, downloadMedia, getResult };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Begin',
				value: 'begin',
				description: 'Create a session and get its token and widget URL',
				action: 'Begin a session',
			},
			{
				name: 'Delete Data',
				value: 'deleteData',
				description: 'Delete the data of a session',
				action: 'Delete the data of a session',
			},
			{
				name: 'Download Media',
				value: 'downloadMedia',
				description: 'Download an image or video of a session',
				action: 'Download media of a session',
			},
			{
				name: 'Get Result',
				value: 'getResult',
				description: 'Get the result of a session',
				action: 'Get the result of a session',
			},
		],
		default: 'begin',
	},
	...begin.description,
	...getResult.description,
	...downloadMedia.description,
	...deleteData.description,
];
