import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { expandQuery, recordLocator, returnAllOrLimit } from '../common.descriptions';

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
				displayName: 'Expand',
				name: 'expand',
				type: 'multiOptions',
				options: [
					{ name: 'Check', value: 'check' },
					{ name: 'Document', value: 'document' },
					{ name: 'Form', value: 'form' },
					{ name: 'Review', value: 'review' },
				],
				default: [],
				description: 'Linked objects to return in full instead of as IDs',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['step'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Record', this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await amiqusList(this, `/records/${id}/steps`, expandQuery(options.expand), { returnAll, limit, itemIndex });
}
