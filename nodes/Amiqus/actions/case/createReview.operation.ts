import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { caseLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { CASE_STATUSES, caseStatusOptions } from './fields';

const properties: INodeProperties[] = [
	caseLocator,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: caseStatusOptions,
		default: 'approved',
		description: 'The status your review gives the case',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['createReview'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, caseLocator, itemIndex);
	const status = check.oneOf('Status', this.getNodeParameter('status', itemIndex), CASE_STATUSES);
	return (await amiqusRequest(this, 'POST', `/cases/${id}/reviews`, {
		body: { status },
		itemIndex,
	})) as IDataObject;
}
