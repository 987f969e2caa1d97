import type { IDataObject } from 'n8n-workflow';

import { enabledFilter } from '../enabledList';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'document',
	path: '/documents',
	filters: [
		enabledFilter('Whether to return only enabled documents (on) or only disabled ones (off)'),
	],
	options: [
		includeOption(
			'Include Attachment',
			'expandAttachment',
			false,
			'Whether to return the file details of each document instead of its attachment ID',
		),
	],
	query: ({ filters, options }) => {
		const qs: IDataObject = {};
		if (typeof filters.enabled === 'boolean') qs.enabled = filters.enabled;
		if (options.expandAttachment) qs.expand = 'attachment';
		return qs;
	},
});
