import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { recordVerification } from '../../verdict';
import { clientLocator, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Client',
				name: 'expandClient',
				type: 'boolean',
				default: false,
				description: 'Whether to return the whole client object of each record instead of its ID',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getRecords'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Client', this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandClient ? { expand: 'client' } : {};
	const records = await amiqusList(this, `/clients/${id}/records`, qs, { returnAll, limit, itemIndex });
	return records.map((record) => ({ ...record, verification: recordVerification(record) }));
}
