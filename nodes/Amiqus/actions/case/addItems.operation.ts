import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { caseLocator } from '../common.descriptions';
import { idList, idOf } from '../idList';

/** Amiqus takes at most 100 items in one request. */
const MAX_ITEMS = 100;

const properties: INodeProperties[] = [
	caseLocator,
	{
		displayName: 'Record IDs',
		name: 'recordIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 983434, 983435',
		description:
			'The records to add to the case, separated by commas (at most 100); records already in the case stay',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['addItems'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, caseLocator, itemIndex);
	const records = idList(
		check,
		'Record IDs',
		this.getNodeParameter('recordIds', itemIndex),
		MAX_ITEMS,
	);
	const body = records.map((record) => ({ id: record, type: 'record' }));
	const response = (await amiqusRequest(this, 'PATCH', `/cases/${id}/items`, {
		body,
		itemIndex,
	})) as IDataObject | undefined;
	return { case: id, added: (response?.data as IDataObject[] | undefined) ?? [] };
}
