import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { idOf } from '../idList';
import { webhookIdField } from './fields';

const properties: INodeProperties[] = [webhookIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, webhookIdField, itemIndex);
	await amiqusRequest(this, 'DELETE', `/webhooks/${id}`, { itemIndex });
	return { id, deleted: true };
}
