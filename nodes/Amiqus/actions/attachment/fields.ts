import type { INodeProperties } from 'n8n-workflow';

/** The ID of an attachment, as Attachment → Upload returns it. */
export const attachmentIdField: INodeProperties = {
	displayName: 'Attachment ID',
	name: 'attachmentId',
	type: 'number',
	default: 0,
	required: true,
	description:
		'The ID of the attachment, as returned by Attachment → Upload (map it with an expression)',
};
