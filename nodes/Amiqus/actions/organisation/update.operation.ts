import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { organisationLocator } from '../common.descriptions';
import { optionalOrganisationFields, organisationBody } from './fields';

const properties: INodeProperties[] = [
	organisationLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Probert Publishing',
		description:
			'The name of the organisation: Amiqus asks for it on every update, so give the current name to keep it',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalOrganisationFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['organisation'], operation: ['update'] } },
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
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = organisationBody(check, {
		...fields,
		name: this.getNodeParameter('name', itemIndex),
	});
	return (await amiqusRequest(this, 'PATCH', `/organisations/${id}`, {
		body,
		itemIndex,
	})) as IDataObject;
}
