import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { expandQuery, organisationLocator } from '../common.descriptions';
import { idOf } from '../idList';
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
	const id = idOf(this, organisationLocator, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return (await amiqusRequest(this, 'GET', `/organisations/${id}`, {
		qs: expandQuery(options.expand),
		itemIndex,
	})) as IDataObject;
}
