import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		...recordLocator,
		description:
			'The record the person completes in the embedded Amiqus web SDK; the token works for this record only',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['createSdkToken'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger(
		'Record',
		this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }),
	);
	const token = (await amiqusRequest(this, 'POST', '/sdk_token', {
		body: { record_id: id },
		itemIndex,
	})) as IDataObject;
	return { ...token, record_id: id };
}
