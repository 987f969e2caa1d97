import { nameField } from '../common.descriptions';
import { createOperation } from '../createOperation';
import { fieldsField, formTemplateBody, optionalFormFields } from './fields';

export const { description, execute } = createOperation({
	resource: 'formTemplate',
	path: '/form-templates',
	fields: [nameField('e.g. New starter form'), { ...fieldsField, required: true }],
	additional: optionalFormFields,
	body: formTemplateBody,
});
