import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import {
	enabledField,
	eventsField,
	includeSecretField,
	urlField,
	webhookBody,
	webhookOutput,
} from './fields';

const properties: INodeProperties[] = [
	{ ...urlField, required: true },
	{ ...eventsField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [enabledField],
	},
	includeSecretField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = webhookBody(check, {
		...additional,
		url: check.required('URL', this.getNodeParameter('url', itemIndex)),
		events: this.getNodeParameter('events', itemIndex, []),
	});
	const webhook = (await amiqusRequest(this, 'POST', '/webhooks', {
		body,
		itemIndex,
	})) as IDataObject;
	return webhookOutput(
		webhook,
		this.getNodeParameter('includeSecret', itemIndex, false) as boolean,
	);
}
