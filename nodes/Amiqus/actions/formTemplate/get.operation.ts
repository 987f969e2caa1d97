import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { uuidOf } from '../idList';
import { referenceField } from './fields';

const properties: INodeProperties[] = [referenceField];

export const description = updateDisplayOptions(
	{ show: { resource: ['formTemplate'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const reference = uuidOf(this, referenceField, itemIndex);
	return (await amiqusRequest(this, 'GET', `/form-templates/${reference}`, {
		itemIndex,
	})) as IDataObject;
}
