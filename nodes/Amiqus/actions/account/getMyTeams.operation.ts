import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'account',
	operation: 'getMyTeams',
	path: '/me/teams',
});
