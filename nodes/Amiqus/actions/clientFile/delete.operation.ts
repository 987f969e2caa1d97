import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { fileIdField } from './fields';

const properties: INodeProperties[] = [
	clientLocator,
	fileIdField('The ID of the client file, as returned by Client File → Get Many or Upload'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientFile'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const clientId = idOf(this, clientLocator, itemIndex);
	const fileId = check.positiveInteger('File ID', this.getNodeParameter('fileId', itemIndex));
	await amiqusRequest(this, 'DELETE', `/clients/${clientId}/files/${fileId}`, { itemIndex });
	return { clientId, fileId, deleted: true };
}
