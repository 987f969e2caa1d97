import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [clientLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, clientLocator, itemIndex);
	return (await amiqusRequest(this, 'GET', `/clients/${id}`, { itemIndex })) as IDataObject;
}
