import { enabledListOperation } from '../enabledList';

export const { description, execute } = enabledListOperation(
	'documentTemplate',
	'/templates/documents',
	'document templates',
);
