import { nameField } from '../common.descriptions';
import { createOperation } from '../createOperation';
import { optionalOrganisationFields, organisationBody } from './fields';

export const { description, execute } = createOperation({
	resource: 'organisation',
	path: '/organisations',
	fields: [nameField('e.g. Probert Publishing', 'The name of the organisation')],
	additional: optionalOrganisationFields,
	body: organisationBody,
});
