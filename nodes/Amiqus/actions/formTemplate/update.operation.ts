import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { fieldsField, formTemplateBody, optionalFormFields, referenceField } from './fields';

const properties: INodeProperties[] = [
	referenceField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			fieldsField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			...optionalFormFields,
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['formTemplate'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const reference = check.uuid('Form Template Reference', this.getNodeParameter('reference', itemIndex)) as string;
	const body = formTemplateBody(check, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
	return (await amiqusRequest(this, 'PATCH', `/form-templates/${reference}`, { body, itemIndex })) as IDataObject;
}
