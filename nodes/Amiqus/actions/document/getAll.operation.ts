import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { amiqusList } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Enabled',
				name: 'enabled',
				type: 'boolean',
				default: true,
				description: 'Whether to return only enabled documents (on) or only disabled ones (off)',
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
				displayName: 'Include Attachment',
				name: 'expandAttachment',
				type: 'boolean',
				default: false,
				description: 'Whether to return the file details of each document instead of its attachment ID',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.enabled === 'boolean') qs.enabled = filters.enabled;
	if (options.expandAttachment) qs.expand = 'attachment';
	return await amiqusList(this, '/documents', qs, { returnAll, limit, itemIndex });
}
