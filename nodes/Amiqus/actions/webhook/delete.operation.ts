import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
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
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Webhook ID', this.getNodeParameter('webhookId', itemIndex));
	await amiqusRequest(this, 'DELETE', `/webhooks/${id}`, { itemIndex });
	return { id, deleted: true };
}
