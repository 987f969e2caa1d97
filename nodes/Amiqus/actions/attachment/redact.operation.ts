import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { idOf } from '../idList';
import { attachmentIdField } from './fields';

const properties: INodeProperties[] = [attachmentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachment'], operation: ['redact'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, attachmentIdField, itemIndex);
	return (await amiqusRequest(this, 'PUT', `/attachments/${id}/redact`, {
		itemIndex,
	})) as IDataObject;
}
