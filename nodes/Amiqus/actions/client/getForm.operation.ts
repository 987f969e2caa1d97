import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf, uuidOf } from '../idList';
import { formReferenceField } from './forms';

const properties: INodeProperties[] = [clientLocator, formReferenceField];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['getForm'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, clientLocator, itemIndex);
	const reference = uuidOf(this, formReferenceField, itemIndex);
	return (await amiqusRequest(this, 'GET', `/clients/${id}/forms/${reference}`, {
		itemIndex,
	})) as IDataObject;
}
