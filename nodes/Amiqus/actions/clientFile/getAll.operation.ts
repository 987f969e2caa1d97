import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { clientLocator, expandQuery, returnAllOrLimit } from '../common.descriptions';

const SOURCES = ['check', 'client', 'client_document', 'client_form', 'form', 'record_document'] as const;
const CHECK_SOURCE_TYPES = ['banking_information', 'employment_referencing', 'photo_id', 'reference'] as const;
const DOCUMENT_SOURCE_TYPES = ['requested', 'returned', 'sent'] as const;

const properties: INodeProperties[] = [
	clientLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expand',
				name: 'expand',
				type: 'multiOptions',
				options: [
					{ name: 'Created By', value: 'created_by' },
					{ name: 'Source', value: 'source' },
				],
				default: [],
				description: 'Linked objects to return in full',
			},
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
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientFile'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const clientId = check.positiveInteger('Client', this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (filters.source) qs.source = check.oneOf('Source', filters.source, SOURCES);
	if (filters.source_type) {
		if (!qs.source) check.fail('Source Type', 'needs a Source', 'Add the Source filter: Check or Record Document.');
		const allowed =
			qs.source === 'check' ? CHECK_SOURCE_TYPES : qs.source === 'record_document' ? DOCUMENT_SOURCE_TYPES : [];
		if (!allowed.length) check.fail('Source Type', `cannot be used with the Source "${String(qs.source)}"`, 'Use Source Check or Record Document.');
		qs.source_type = check.oneOf('Source Type', filters.source_type, allowed);
	}
	if (typeof filters.search === 'string' && filters.search.trim()) qs.search = filters.search.trim();
	if (options.sort_by) qs.sort_by = options.sort_by;
	return await amiqusList(this, `/clients/${clientId}/files`, qs, { returnAll, limit, itemIndex });
}
