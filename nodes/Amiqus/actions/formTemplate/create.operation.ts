import { createOperation } from '../createOperation';
import { fieldsField, formTemplateBody, optionalFormFields } from './fields';

export const { description, execute } = createOperation({
	resource: 'formTemplate',
	path: '/form-templates',
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. New starter form',
		},
		{ ...fieldsField, required: true },
	],
	additional: optionalFormFields,
	body: formTemplateBody,
});
