import { enabledListOperation } from '../enabledList';

export const { description, execute } = enabledListOperation(
	'emailTemplate',
	'/templates/emails',
	'email templates',
);
