import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusDownload } from '../../transport';
import { binaryPropertyField, recordLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [recordLocator, binaryPropertyField];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, recordLocator, itemIndex);
	const property = check.required(
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);
	const response = await amiqusDownload(this, `/records/${id}/download`, itemIndex);
	return await binaryItem(
		this,
		response.body as Buffer,
		response.headers,
		`record-${id}.pdf`,
		property,
		{ recordId: id },
	);
}
