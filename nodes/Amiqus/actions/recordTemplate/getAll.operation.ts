import { enabledListOperation } from '../enabledList';

export const { description, execute } = enabledListOperation(
	'recordTemplate',
	'/templates/records',
	'templates',
);
