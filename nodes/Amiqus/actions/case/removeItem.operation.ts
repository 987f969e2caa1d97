import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { caseLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [
	caseLocator,
	{
		displayName: 'Item ID',
		name: 'itemId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The ID of the case item, as in the "ID" of Get Items (not the record\'s ID)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['removeItem'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, caseLocator, itemIndex);
	const itemId = check.positiveInteger('Item ID', this.getNodeParameter('itemId', itemIndex));
	await amiqusRequest(this, 'DELETE', `/cases/${id}/items/${itemId}`, { itemIndex });
	return { case: id, item: itemId, removed: true };
}
