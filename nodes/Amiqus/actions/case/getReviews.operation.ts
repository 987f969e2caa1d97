import { caseLocator } from '../common.descriptions';
import { includeOption, listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'case',
	operation: 'getReviews',
	parents: [caseLocator],
	path: (id) => `/cases/${id}/reviews`,
	options: [
		includeOption(
			'Include Reviewer',
			'expandReviewedBy',
			true,
			'Whether to return the team member who reviewed in full instead of their ID',
		),
	],
	query: ({ options }) => (options.expandReviewedBy ? { expand: 'reviewed_by' } : {}),
});
