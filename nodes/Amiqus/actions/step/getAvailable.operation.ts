import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'step',
	operation: 'getAvailable',
	path: '/steps',
});
