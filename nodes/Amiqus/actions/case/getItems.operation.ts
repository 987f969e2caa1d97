import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { caseLocator, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	caseLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Records',
				name: 'expandEntity',
				type: 'boolean',
				default: true,
				description: 'Whether to return the record of each item in full instead of its ID',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['getItems'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Case', this.getNodeParameter('caseId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandEntity ? { expand: 'entity' } : {};
	return await amiqusList(this, `/cases/${id}/items`, qs, { returnAll, limit, itemIndex });
}
