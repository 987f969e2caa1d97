import { organisationLocator } from '../common.descriptions';
import { updateOperation } from '../updateOperation';
import { optionalOrganisationFields, organisationBody } from './fields';

export const { description, execute } = updateOperation({
	resource: 'organisation',
	target: organisationLocator,
	path: (id) => `/organisations/${id}`,
	required: [
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
	],
	fields: optionalOrganisationFields,
	body: organisationBody,
});
