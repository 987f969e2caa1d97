import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { decisionOptions, recordLocator, stepIdField } from '../common.descriptions';
import { idOf } from '../idList';

const MAX_MESSAGE_LENGTH = 1000;

const properties: INodeProperties[] = [
	recordLocator,
	stepIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: decisionOptions,
		default: 'approved',
		description: 'The outcome of your review of the step',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Up to 1000 characters; required when the status is Rejected',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const recordId = idOf(this, recordLocator, itemIndex);
	const stepId = idOf(this, stepIdField, itemIndex);
	const status = check.oneOf('Status', this.getNodeParameter('status', itemIndex), [
		'approved',
		'pending',
		'rejected',
	] as const);
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '').trim();
	const body: IDataObject = { status };
	if (status === 'rejected' && !message) {
		check.fail(
			'Message',
			'is required when the status is Rejected',
			'Say why the step was rejected.',
		);
	}
	if (message.length > MAX_MESSAGE_LENGTH) {
		check.fail(
			'Message',
			`must be at most ${MAX_MESSAGE_LENGTH} characters, got ${message.length}`,
		);
	}
	if (message) body.message = message;
	return (await amiqusRequest(this, 'POST', `/records/${recordId}/steps/${stepId}/reviews`, {
		body,
		itemIndex,
	})) as IDataObject;
}
