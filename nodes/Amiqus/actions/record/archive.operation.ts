import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { recordVerification } from '../../verdict';
import { recordLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [
	{
		displayName:
			'Amiqus marks this call as deprecated and may remove it; Record → Update with "Archived" does the same',
		name: 'archiveNotice',
		type: 'notice',
		default: '',
	},
	recordLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['archive'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, recordLocator, itemIndex);
	const record = (await amiqusRequest(this, 'POST', `/records/${id}/archive`, {
		itemIndex,
	})) as IDataObject;
	return { ...record, verification: recordVerification(record) };
}
