import { checkedSort, expandOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'file',
	path: '/files',
	sortBy: [
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Expires At', value: 'expires_at' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [
		expandOption([
			{ name: 'Created By', value: 'created_by' },
			{ name: 'Source', value: 'source' },
		]),
	],
	query: (choices) => checkedSort(choices, ['created_at', 'updated_at', 'expires_at'] as const),
});
