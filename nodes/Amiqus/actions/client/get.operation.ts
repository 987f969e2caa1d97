import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';

const properties: INodeProperties[] = [clientLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['get'] } },
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
	return (await amiqusRequest(this, 'GET', `/clients/${id}`, { itemIndex })) as IDataObject;
}
