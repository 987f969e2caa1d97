import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusList, amiqusRequest } from '../../transport';
import { recordVerification } from '../../verdict';
import { recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Client',
				name: 'expandClient',
				type: 'boolean',
				default: true,
				description: 'Whether to return the whole client object instead of its ID',
			},
			{
				displayName: 'Include Check Results',
				name: 'includeChecks',
				type: 'boolean',
				default: false,
				description:
					"Whether to also fetch the record's steps with their checks and reviews (one more request). The verdict of a finished record comes from them; without them it is needs_review.",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Record', this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandClient ? { expand: 'client' } : {};
	const record = (await amiqusRequest(this, 'GET', `/records/${id}`, { qs, itemIndex })) as IDataObject;
	if (!options.includeChecks) return { ...record, verification: recordVerification(record) };
	const steps = await amiqusList(this, `/records/${id}/steps`, { expand: 'check,review' }, { returnAll: true, limit: 0, itemIndex });
	return { ...record, steps_detail: steps, verification: recordVerification(record, steps) };
}
