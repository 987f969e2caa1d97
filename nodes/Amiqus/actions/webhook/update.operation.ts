import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { idOf } from '../idList';
import {
	enabledField,
	eventsField,
	includeSecretField,
	urlField,
	webhookBody,
	webhookIdField,
	webhookOutput,
} from './fields';

const properties: INodeProperties[] = [
	webhookIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			enabledField,
			{ ...eventsField, description: 'Replaces the events the webhook is subscribed to' },
			urlField,
		],
	},
	includeSecretField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, webhookIdField, itemIndex);
	const body = webhookBody(
		check,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	if (Object.keys(body).length === 0)
		check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
	const webhook = (await amiqusRequest(this, 'PATCH', `/webhooks/${id}`, {
		body,
		itemIndex,
	})) as IDataObject;
	return webhookOutput(
		webhook,
		this.getNodeParameter('includeSecret', itemIndex, false) as boolean,
	);
}
