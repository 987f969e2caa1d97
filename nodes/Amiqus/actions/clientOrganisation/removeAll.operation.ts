import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [clientLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientOrganisation'], operation: ['removeAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, clientLocator, itemIndex);
	await amiqusRequest(this, 'DELETE', `/clients/${id}/organisations`, { itemIndex });
	return { client: id, removedAll: true };
}
