import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { caseLocator, expandQuery } from '../common.descriptions';
import { idOf } from '../idList';
import { caseExpandOption } from './fields';

const properties: INodeProperties[] = [
	caseLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [caseExpandOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, caseLocator, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return (await amiqusRequest(this, 'GET', `/cases/${id}`, {
		qs: expandQuery(options.expand),
		itemIndex,
	})) as IDataObject;
}
