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
				displayName: 'Contact Email',
				name: 'contact',
				type: 'string',
				placeholder: 'e.g. compliance@example.com',
				default: '',
				description: 'The email address clients can contact the team on',
			},
			{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '', placeholder: 'e.g. +44 20 7946 0000' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['team'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.contact !== undefined) body.contact = check.email('Contact Email', fields.contact);
	if (fields.telephone !== undefined) body.telephone = check.required('Telephone', fields.telephone);
	if (Object.keys(body).length === 0) check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
	return (await amiqusRequest(this, 'PATCH', '/team', { body, itemIndex })) as IDataObject;
}
