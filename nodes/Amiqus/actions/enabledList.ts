import type { INodeProperties } from 'n8n-workflow';

import { listOperation } from './listOperation';

/** The Enabled filter of a list that Amiqus filters on `enabled`. */
export function enabledFilter(description: string): INodeProperties {
	return { displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description };
}

/**
 * A "Get Many" over an Amiqus list that filters on `enabled` only (email, document, form and record
 * templates, webhooks): Return All / Limit and an Enabled filter.
 */
export function enabledListOperation(resource: string, path: string, what: string) {
	return listOperation({
		resource,
		path,
		filters: [
			enabledFilter(`Whether to list only enabled (true) or only disabled (false) ${what}`),
		],
		query: ({ filters }) =>
			typeof filters.enabled === 'boolean' ? { enabled: filters.enabled } : {},
	});
}
