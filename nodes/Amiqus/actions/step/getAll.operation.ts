import { recordLocator } from '../common.descriptions';
import { expandOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'step',
	parents: [recordLocator],
	path: (id) => `/records/${id}/steps`,
	options: [
		expandOption([
			{ name: 'Check', value: 'check' },
			{ name: 'Document', value: 'document' },
			{ name: 'Form', value: 'form' },
			{ name: 'Review', value: 'review' },
		]),
	],
});
