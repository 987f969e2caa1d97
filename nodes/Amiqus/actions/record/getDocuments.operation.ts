import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { recordLocator, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Attachments',
				name: 'expandAttachments',
				type: 'boolean',
				default: false,
				description: 'Whether to return the file details of each document instead of attachment IDs',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['getDocuments'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Record', this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandAttachments ? { expand: 'attachments' } : {};
	return await amiqusList(this, `/records/${id}/documents`, qs, { returnAll, limit, itemIndex });
}
