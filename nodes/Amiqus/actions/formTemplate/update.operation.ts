import { updateOperation } from '../updateOperation';
import { fieldsField, formTemplateBody, optionalFormFields, referenceField } from './fields';

export const { description, execute } = updateOperation({
	resource: 'formTemplate',
	target: referenceField,
	readTarget: (check, value) => check.uuid('Form Template Reference', value) as string,
	path: (reference) => `/form-templates/${reference}`,
	fields: [
		fieldsField,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		...optionalFormFields,
	],
	body: formTemplateBody,
});
