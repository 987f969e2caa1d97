import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
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
	const check = new InputValidator(this.getNode(), itemIndex);
	const reference = check.uuid(
		'Form Template Reference',
		this.getNodeParameter('reference', itemIndex),
	) as string;
	return (await amiqusRequest(this, 'GET', `/form-templates/${reference}`, {
		itemIndex,
	})) as IDataObject;
}
