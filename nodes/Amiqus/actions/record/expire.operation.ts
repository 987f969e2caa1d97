import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [recordLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['expire'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, recordLocator, itemIndex);
	return (await amiqusRequest(this, 'POST', `/records/${id}/expire`, { itemIndex })) as IDataObject;
}
