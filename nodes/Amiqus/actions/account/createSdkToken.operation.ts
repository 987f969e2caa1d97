import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';
import { idOf } from '../idList';

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
	const id = idOf(this, recordLocator, itemIndex);
	const token = (await amiqusRequest(this, 'POST', '/sdk_token', {
		body: { record_id: id },
		itemIndex,
	})) as IDataObject;
	return { ...token, record_id: id };
}
