import type { INodeProperties } from 'n8n-workflow';

/**
 * Resource locator for an Amiqus object that has a page at id.amiqus.co/<noun>s/<id>: pick from a list
 * (the node's `search<Noun>s` method), or give an ID or an Amiqus URL.
 */
function amiqusLocator(noun: string, description: string, example: number): INodeProperties {
	const label = noun.charAt(0).toUpperCase() + noun.slice(1);
	const plural = `${noun}s`;
	const article = /^[aeiou]/.test(noun) ? 'An' : 'A';
	return {
		displayName: label,
		name: `${noun}Id`,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: `search${label}s`, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: `${article} ${noun} ID is a number` },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://id.amiqus.co/${plural}/${example}`,
				extractValue: { type: 'regex', regex: `/${plural}/(\\d+)` },
				validation: [
					{
						type: 'regex',
						properties: { regex: `.*/${plural}/\\d+.*`, errorMessage: `Not an Amiqus ${noun} URL` },
					},
				],
			},
		],
	};
}

/** Resource locator for a client: pick from a list, or give an ID or an Amiqus URL. */
export const clientLocator = amiqusLocator(
	'client',
	'The Amiqus client (the person being checked)',
	73845,
);

/** Resource locator for a record ("request" in the Amiqus UI). */
export const recordLocator = amiqusLocator(
	'record',
	'The Amiqus record, called a request in the Amiqus app',
	983434,
);

/** Resource locator for an organisation (a business checked by Amiqus). */
export const organisationLocator = amiqusLocator(
	'organisation',
	'The Amiqus organisation (a business being checked)',
	3970,
);

/** Resource locator for a case (a client's records grouped for one decision). */
export const caseLocator = amiqusLocator('case', 'The Amiqus case', 8723);

/** "Return All" + "Limit": once for every provider, in nodes/shared/pagination.ts. */
export { returnAllOrLimit } from '../../shared/pagination';

/** Active or archived, as the client and record lists filter them. */
export const visibilityOptions = [
	{ name: 'Active', value: 'active' },
	{ name: 'Archived', value: 'archived' },
];

/** The Visibility filter of a list: only active or only archived `what` (said in the description when given). */
export function visibilityFilter(what?: string): INodeProperties {
	return {
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: visibilityOptions,
		default: 'active',
		...(what ? { description: `Only active or only archived ${what}` } : {}),
	};
}

/** The Client Visibility filter of a list: only `what` of active or of archived clients. */
export function clientVisibilityFilter(what: string): INodeProperties {
	return {
		displayName: 'Client Visibility',
		name: 'client_visibility',
		type: 'options',
		options: visibilityOptions,
		default: 'active',
		description: `Only ${what} of active or of archived clients`,
	};
}

/** A decision on a client, an organisation or a step: approved, pending or rejected. */
export const decisionOptions = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Rejected', value: 'rejected' },
];

/** Ascending or descending, as Amiqus lists take it (`order_by`). */
export const orderByOption: INodeProperties = {
	displayName: 'Order',
	name: 'order_by',
	type: 'options',
	options: [
		{ name: 'Ascending', value: 'asc' },
		{ name: 'Descending', value: 'desc' },
	],
	default: 'asc',
};

/** The "Sort" collection of a list: the fields Amiqus sorts that list by, and the order. */
export function sortCollection(sortBy: Array<{ name: string; value: string }>): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sort_by',
				type: 'options',
				options: sortBy,
				default: 'created_at',
			},
			orderByOption,
		],
	};
}

/** The ID of a step of a record (shown in the record's `steps` and by Step → Get Many). */
export const stepIdField: INodeProperties = {
	displayName: 'Step ID',
	name: 'stepId',
	type: 'number',
	default: 0,
	required: true,
	description: "The ID of a step of the record, as in the record's steps or Step → Get Many",
};

/** The ID of a check (the `check` of a step whose type starts with `check.`). */
export const checkIdField: INodeProperties = {
	displayName: 'Check ID',
	name: 'checkId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The ID of a check, as in the "check" property of a record\'s step',
};

/** Name of the binary property a download writes to. */
export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** `expand` as Amiqus reads it: comma-separated names. */
export function expandQuery(values: unknown): { expand?: string } {
	const list = Array.isArray(values) ? (values as string[]).filter(Boolean) : [];
	return list.length ? { expand: list.join(',') } : {};
}

/** The required Name of what is created (a case, an organisation, a form template). */
export function nameField(placeholder: string, description?: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder,
		...(description ? { description } : {}),
	};
}
