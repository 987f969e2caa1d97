import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { expandQuery, organisationLocator } from '../common.descriptions';
import { organisationExpandOption } from './expand';

const properties: INodeProperties[] = [
	organisationLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [organisationExpandOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organisation'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger(
		'Organisation',
		this.getNodeParameter('organisationId', itemIndex, '', { extractValue: true }),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return (await amiqusRequest(this, 'GET', `/organisations/${id}`, {
		qs: expandQuery(options.expand),
		itemIndex,
	})) as IDataObject;
}
