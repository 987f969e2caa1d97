import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { idOf } from '../idList';
import { includeSecretField, webhookIdField, webhookOutput } from './fields';

const properties: INodeProperties[] = [webhookIdField, includeSecretField];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, webhookIdField, itemIndex);
	const webhook = (await amiqusRequest(this, 'GET', `/webhooks/${id}`, {
		itemIndex,
	})) as IDataObject;
	return webhookOutput(
		webhook,
		this.getNodeParameter('includeSecret', itemIndex, false) as boolean,
	);
}
