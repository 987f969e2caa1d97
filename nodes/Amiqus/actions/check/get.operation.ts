import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { withVerification } from '../../../shared/verdict';
import { amiqusRequest } from '../../transport';
import { idOf } from '../idList';
import { checkVerification } from '../../verdict';
import { checkIdField, expandQuery } from '../common.descriptions';

const properties: INodeProperties[] = [
	checkIdField,
	verdictOnlyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expand',
				name: 'expand',
				type: 'multiOptions',
				options: [
					{ name: 'Record', value: 'record', description: 'The record the check belongs to' },
					{
						name: 'Response',
						value: 'response',
						description: 'The result data (beta; detailed for Photo ID only)',
					},
				],
				default: [],
				description: 'Linked objects to return in full instead of as IDs',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['check'], operation: ['get'] } },
	properties,
);

/** What Simplify keeps of the check besides `verification` (a check's response holds the document data). */
const CHECK_KEYS = ['id', 'record', 'type', 'status', 'created_at', 'updated_at'];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, checkIdField, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const checkData = (await amiqusRequest(this, 'GET', `/checks/${id}`, {
		qs: expandQuery(options.expand),
		itemIndex,
	})) as IDataObject;
	return verdictOutput(
		this,
		itemIndex,
		withVerification(checkData, checkVerification(checkData)),
		CHECK_KEYS,
	);
}
