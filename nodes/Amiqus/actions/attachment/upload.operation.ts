import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { inputBinaryField, uploadAttachment } from './uploadFile';

const properties: INodeProperties[] = [inputBinaryField];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['upload'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	return await uploadAttachment(this, new InputValidator(this.getNode(), itemIndex), itemIndex);
}
