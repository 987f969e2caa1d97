import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusDownload } from '../../transport';
import { binaryPropertyField, clientLocator } from '../common.descriptions';
import { idOf, uuidOf } from '../idList';
import { formReferenceField } from './forms';

const properties: INodeProperties[] = [clientLocator, formReferenceField, binaryPropertyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['downloadForm'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, clientLocator, itemIndex);
	const reference = uuidOf(this, formReferenceField, itemIndex);
	const property = check.required(
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);
	const response = await amiqusDownload(
		this,
		`/clients/${id}/forms/${reference}/download`,
		itemIndex,
	);
	return await binaryItem(
		this,
		response.body as Buffer,
		response.headers,
		`form-${reference}.pdf`,
		property,
		{
			clientId: id,
			formReference: reference,
		},
	);
}
