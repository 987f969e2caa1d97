import { formExpandOption, formTypeFilter, formTypeQuery } from '../client/forms';
import { checkedSort, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'form',
	path: '/forms',
	filters: [formTypeFilter],
	sortBy: [
		{ name: 'Created At', value: 'created_at' },
		{ name: 'Updated At', value: 'updated_at' },
	],
	options: [formExpandOption],
	query: (choices) => ({
		...formTypeQuery(choices),
		...checkedSort(choices, ['created_at', 'updated_at'] as const),
	}),
});
