import type { INodeProperties } from 'n8n-workflow';

/** The ID of a client file, as `description` says where it comes from. */
export function fileIdField(description: string): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'fileId',
		type: 'number',
		default: 0,
		required: true,
		description,
	};
}
