import { recordLocator } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'record',
	operation: 'getDocuments',
	parents: [recordLocator],
	path: (id) => `/records/${id}/documents`,
	options: [
		includeOption(
			'Include Attachments',
			'expandAttachments',
			false,
			'Whether to return the file details of each document instead of attachment IDs',
		),
	],
	query: ({ options }) => (options.expandAttachments ? { expand: 'attachments' } : {}),
});
