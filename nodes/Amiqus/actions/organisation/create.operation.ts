import { createOperation } from '../createOperation';
import { optionalOrganisationFields, organisationBody } from './fields';

export const { description, execute } = createOperation({
	resource: 'organisation',
	path: '/organisations',
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Probert Publishing',
			description: 'The name of the organisation',
		},
	],
	additional: optionalOrganisationFields,
	body: organisationBody,
});
