import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				default: '',
				description: 'Amiqus changes it only once the user confirms it from an email sent to the current address; until then the output shows the old one',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Robert Gale' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['updateMe'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = check.required('Name', fields.name);
	if (fields.email !== undefined) body.email = check.email('Email', fields.email);
	if (Object.keys(body).length === 0) check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
	return (await amiqusRequest(this, 'PATCH', '/me', { body, itemIndex })) as IDataObject;
}
