import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { orderByOption, recordLocator, returnAllOrLimit, stepIdField } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator,
	stepIdField,
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Reviewer',
				name: 'expandReviewedBy',
				type: 'boolean',
				default: true,
				description: 'Whether to return the team member who reviewed in full instead of their ID',
			},
			orderByOption,
			{
				displayName: 'Sort By',
				name: 'sort_by',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Updated At', value: 'updated_at' },
				],
				default: 'created_at',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['review'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const recordId = check.positiveInteger('Record', this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }));
	const stepId = check.positiveInteger('Step ID', this.getNodeParameter('stepId', itemIndex));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.sort_by) qs.sort_by = options.sort_by;
	if (options.order_by) qs.order_by = options.order_by;
	if (options.expandReviewedBy) qs.expand = 'reviewed_by';
	return await amiqusList(this, `/records/${recordId}/steps/${stepId}/reviews`, qs, { returnAll, limit, itemIndex });
}
