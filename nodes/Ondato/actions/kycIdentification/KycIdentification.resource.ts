import type { INodeProperties } from 'n8n-workflow';

import * as downloadFiles from './downloadFiles.operation';
import * as get from './get.operation';

export { downloadFiles, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['kycIdentification'] } },
		options: [
			{
				name: 'Download Files',
				value: 'downloadFiles',
				description:
					'Download the document photos and other files of a KYC identification, one item per file',
				action: 'Download the files of a KYC identification',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a KYC identification and its result',
				action: 'Get a KYC identification',
			},
		],
		default: 'get',
	},
	...get.description,
	...downloadFiles.description,
];
