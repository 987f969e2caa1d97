import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { fieldsField, formTemplateBody, optionalFormFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. New starter form',
	},
	{ ...fieldsField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalFormFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['formTemplate'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = formTemplateBody(check, {
		...additional,
		name: this.getNodeParameter('name', itemIndex),
		fields: this.getNodeParameter('fields', itemIndex),
	});
	return (await amiqusRequest(this, 'POST', '/form-templates', { body, itemIndex })) as IDataObject;
}
