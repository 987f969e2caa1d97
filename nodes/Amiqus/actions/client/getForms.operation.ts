import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { clientLocator, expandQuery, returnAllOrLimit } from '../common.descriptions';
import { formExpandOption, formTypeOptions } from './forms';

const properties: INodeProperties[] = [
	clientLocator,
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Type', name: 'type', type: 'options', options: formTypeOptions, default: 'requested' }],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [formExpandOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getForms'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Client', this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { ...expandQuery(options.expand) };
	if (filters.type) qs.type = check.oneOf('Type', filters.type, ['internal', 'requested'] as const);
	return await amiqusList(this, `/clients/${id}/forms`, qs, { returnAll, limit, itemIndex });
}
