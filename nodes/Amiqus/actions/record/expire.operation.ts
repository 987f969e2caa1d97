import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [recordLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['expire'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger(
		'Record',
		this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }),
	);
	return (await amiqusRequest(this, 'POST', `/records/${id}/expire`, { itemIndex })) as IDataObject;
}
