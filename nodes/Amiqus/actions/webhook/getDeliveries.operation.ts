import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { webhookIdField } from './fields';

const properties: INodeProperties[] = [webhookIdField, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getDeliveries'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Webhook ID', this.getNodeParameter('webhookId', itemIndex));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	return await amiqusList(this, `/webhooks/${id}/deliveries`, {}, { returnAll, limit, itemIndex });
}
