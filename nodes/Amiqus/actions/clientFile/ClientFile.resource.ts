import type { INodeProperties } from 'n8n-workflow';

import * as deleteFile from './delete.operation';
import * as download from './download.operation';
import * as getAll from './getAll.operation';
import * as upload from './upload.operation';

export { deleteFile as delete, download, getAll, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['clientFile'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a file from the files of a client. Amiqus documents this only as "Delete a file for a client" and does not say whether the uploaded file itself is erased; a file can be deleted only when its "is_deletable" is true.',
				action: 'Delete a client file',
			},
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
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file from an input binary field to the files of a client',
				action: 'Upload a client file',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...download.description,
	...upload.description,
	...deleteFile.description,
];
