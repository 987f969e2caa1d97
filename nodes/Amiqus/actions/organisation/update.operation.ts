import { nameField, organisationLocator } from '../common.descriptions';
import { updateOperation } from '../updateOperation';
import { optionalOrganisationFields, organisationBody } from './fields';

export const { description, execute } = updateOperation({
	resource: 'organisation',
	target: organisationLocator,
	path: (id) => `/organisations/${id}`,
	required: [
		nameField(
			'e.g. Probert Publishing',
			'The name of the organisation: Amiqus asks for it on every update, so give the current name to keep it',
		),
	],
	fields: optionalOrganisationFields,
	body: organisationBody,
});
