import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { enabledListOperation } from '../enabledList';
import { includeSecretField, webhookOutput } from './fields';

const list = enabledListOperation('webhook', '/webhooks', 'webhooks');

export const description = [
	...list.description,
	...updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getAll'] } }, [
		includeSecretField,
	]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const webhooks = (await list.execute.call(this, itemIndex)) as IDataObject[];
	const includeSecret = this.getNodeParameter('includeSecret', itemIndex, false) as boolean;
	return webhooks.map((webhook) => webhookOutput(webhook, includeSecret));
}
