import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
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
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger(
		'Client',
		this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }),
	);
	const reference = check.uuid(
		'Form Reference',
		this.getNodeParameter('formReference', itemIndex),
	) as string;
	return (await amiqusRequest(this, 'GET', `/clients/${id}/forms/${reference}`, {
		itemIndex,
	})) as IDataObject;
}
