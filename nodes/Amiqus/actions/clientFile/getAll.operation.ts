import type { IDataObject } from 'n8n-workflow';

import { clientLocator } from '../common.descriptions';
import { expandOption, listOperation } from '../listOperation';

const SOURCES = [
	'check',
	'client',
	'client_document',
	'client_form',
	'form',
	'record_document',
] as const;
const CHECK_SOURCE_TYPES = [
	'banking_information',
	'employment_referencing',
	'photo_id',
	'reference',
] as const;
const DOCUMENT_SOURCE_TYPES = ['requested', 'returned', 'sent'] as const;

export const { description, execute } = listOperation({
	resource: 'clientFile',
	parents: [clientLocator],
	path: (id) => `/clients/${id}/files`,
	filters: [
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Match on the file name',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Check', value: 'check', description: 'Evidence of a check, e.g. Photo ID images' },
				{ name: 'Client', value: 'client', description: 'Uploaded to the client' },
				{ name: 'Client Document', value: 'client_document' },
				{ name: 'Client Form', value: 'client_form' },
				{ name: 'Form (Deprecated)', value: 'form' },
				{ name: 'Record Document', value: 'record_document' },
			],
			default: 'check',
		},
		{
			displayName: 'Source Type',
			name: 'source_type',
			type: 'options',
			options: [
				{ name: 'Banking Information (Check)', value: 'banking_information' },
				{ name: 'Employment Referencing (Check)', value: 'employment_referencing' },
				{ name: 'Photo ID (Check)', value: 'photo_id' },
				{ name: 'Reference (Check)', value: 'reference' },
				{ name: 'Requested (Record Document)', value: 'requested' },
				{ name: 'Returned (Record Document)', value: 'returned' },
				{ name: 'Sent (Record Document)', value: 'sent' },
			],
			default: 'photo_id',
			description: 'Needs Source: a check type for Check, a document type for Record Document',
		},
	],
	options: [
		expandOption(
			[
				{ name: 'Created By', value: 'created_by' },
				{ name: 'Source', value: 'source' },
			],
			'Linked objects to return in full',
		),
		{
			displayName: 'Sort By',
			name: 'sort_by',
			type: 'options',
			options: [
				{ name: 'Created At', value: 'created_at' },
				{ name: 'Expires At', value: 'expires_at' },
				{ name: 'Name', value: 'name' },
			],
			default: 'created_at',
		},
	],
	query: ({ filters, options, check }) => {
		const qs: IDataObject = {};
		if (filters.source) qs.source = check.oneOf('Source', filters.source, SOURCES);
		if (filters.source_type) {
			if (!qs.source)
				check.fail(
					'Source Type',
					'needs a Source',
					'Add the Source filter: Check or Record Document.',
				);
			const allowed =
				qs.source === 'check'
					? CHECK_SOURCE_TYPES
					: qs.source === 'record_document'
						? DOCUMENT_SOURCE_TYPES
						: [];
			if (!allowed.length)
				check.fail(
					'Source Type',
					`cannot be used with the Source "${String(qs.source)}"`,
					'Use Source Check or Record Document.',
				);
			qs.source_type = check.oneOf('Source Type', filters.source_type, allowed);
		}
		if (typeof filters.search === 'string' && filters.search.trim())
			qs.search = filters.search.trim();
		if (options.sort_by) qs.sort_by = options.sort_by;
		return qs;
	},
});
