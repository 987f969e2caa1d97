import type { INodeProperties } from 'n8n-workflow';

import * as deleteAttachment from './delete.operation';
import * as redact from './redact.operation';
import * as upload from './upload.operation';

export { deleteAttachment as delete, redact, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete an uploaded attachment. Amiqus says: "Only unassigned attachment can be deleted", so delete it before it is used in a client file or a step.',
				action: 'Delete an attachment',
			},
			{
				name: 'Redact',
				value: 'redact',
				description:
					'Erase the content of an attachment: Amiqus replaces the file with a generic "This file has been removed due to a data deletion request" PNG image and appends "redacted" to its file name; the other information about it is kept. Only attachments of record documents or uploaded as part of a form can be redacted.',
				action: 'Redact an attachment',
			},
			{
				name: 'Upload',
				value: 'upload',
				description:
					'Upload a file from an input binary field; use its ID in a Document Transfer step or Client File → Upload',
				action: 'Upload an attachment',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...deleteAttachment.description,
	...redact.description,
];
