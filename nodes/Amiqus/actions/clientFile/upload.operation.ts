import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { inputBinaryField, uploadAttachment } from '../attachment/uploadFile';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [
	clientLocator,
	inputBinaryField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Document Template ID',
				name: 'template',
				type: 'number',
				default: 0,
				description:
					'File the upload as a requested client document of this document template (see Templates → Document Templates)',
			},
			{
				displayName: 'Expires At',
				name: 'expires_at',
				type: 'dateTime',
				default: '',
				description: 'When the file expires',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. NDA-final',
				description: 'The name shown in Amiqus; the uploaded file name when empty',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientFile'], operation: ['upload'] } },
	properties,
);

const MAX_NAME_LENGTH = 255;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const clientId = idOf(this, clientLocator, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const name = String(fields.name ?? '').trim();
	if (name.length > MAX_NAME_LENGTH)
		check.fail('Name', `must be at most ${MAX_NAME_LENGTH} characters, got ${name.length}`);
	if (name) body.name = name;
	const expiresAt = check.dateTime('Expires At', fields.expires_at, { optional: true });
	if (expiresAt) body.expires_at = expiresAt;
	if (fields.template)
		body.template = check.positiveInteger('Document Template ID', fields.template);
	// Only after the checks: a bad item uploads nothing.
	const attachment = await uploadAttachment(this, check, itemIndex);
	return (await amiqusRequest(this, 'POST', `/clients/${clientId}/files`, {
		body: { attachment: attachment.id, ...body },
		itemIndex,
	})) as IDataObject;
}
