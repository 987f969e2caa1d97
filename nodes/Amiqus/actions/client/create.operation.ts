import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientBody, optionalClientFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Martin',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. McFly',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		required: true,
		description: 'Amiqus sends the request emails here',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalClientFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const firstName = check.required('First Name', this.getNodeParameter('firstName', itemIndex));
	const lastName = check.required('Last Name', this.getNodeParameter('lastName', itemIndex));
	const body = clientBody(check, {
		...additional,
		first_name: firstName,
		last_name: lastName,
		email: this.getNodeParameter('email', itemIndex),
	});
	return (await amiqusRequest(this, 'POST', '/clients', { body, itemIndex })) as IDataObject;
}
