import { enabledListOperation } from '../enabledList';

export const { description, execute } = enabledListOperation(
	'formTemplate',
	'/form-templates',
	'form templates',
);
