import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { optionalOrganisationFields, organisationBody } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Probert Publishing',
		description: 'The name of the organisation',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalOrganisationFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organisation'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = organisationBody(check, {
		...additional,
		name: this.getNodeParameter('name', itemIndex),
	});
	return (await amiqusRequest(this, 'POST', '/organisations', { body, itemIndex })) as IDataObject;
}
