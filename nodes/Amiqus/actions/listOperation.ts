import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { returnAllOrLimitOf } from '../../shared/pagination';
import { verdictOnlyProperty, verdictOutput } from '../../shared/personalData';
import { InputValidator } from '../../shared/validation';
import { amiqusList } from '../transport';
import { expandQuery, returnAllOrLimit, sortCollection } from './common.descriptions';
import { idOf } from './idList';

/** What the user chose in a list's Filters, Sort and Options collections. */
export interface ListChoices {
	filters: IDataObject;
	sort: IDataObject;
	options: IDataObject;
	check: InputValidator;
}

/** One "Get Many" over an Amiqus list, declared by what differs from the others. */
export interface ListSpec {
	resource: string;
	/** The node's operation value; `getAll` unless said. */
	operation?: string;
	/** The IDs in the path (a resource locator or a number field each), read in this order. */
	parents?: INodeProperties[];
	/** The list's path, or a function of the parents' IDs. */
	path: string | ((...ids: number[]) => string);
	/** The options of the Filters collection (none: no Filters). */
	filters?: INodeProperties[];
	/** The fields of the Sort collection (none: no Sort); the choice is sent as `sort_by`/`order_by`. */
	sortBy?: Array<{ name: string; value: string }>;
	/** The options of the Options collection (none: no Options); one named `expand` is sent as Amiqus's `expand`. */
	options?: INodeProperties[];
	/** The rest of the query, from the user's choices (it may replace what the builder put). */
	query?: (choices: ListChoices) => IDataObject;
	/** Applied to each listed item. */
	map?: (item: IDataObject) => IDataObject;
	/**
	 * For lists of a person's data: the Simplify switch (after Return All / Limit), which reduces each
	 * item to its `verification` and these keys (`nodes/shared/personalData.ts`).
	 */
	verdictKeys?: string[];
}

/** A boolean option asking Amiqus to return one linked object in full (the query maps it to `expand`). */
export function includeOption(
	displayName: string,
	name: string,
	defaultValue: boolean,
	description: string,
): INodeProperties {
	const option: INodeProperties = {
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
	};
	return { ...option, default: defaultValue };
}

/** The `expand` option of a list: the linked objects Amiqus can return in full. */
export function expandOption(
	options: INodePropertyOptions[],
	description = 'Linked objects to return in full instead of as IDs',
): INodeProperties {
	return {
		displayName: 'Expand',
		name: 'expand',
		type: 'multiOptions',
		options,
		default: [],
		description,
	};
}

/** `sort_by` and `order_by` of the Sort collection, each checked against what Amiqus takes. */
export function checkedSort({ sort, check }: ListChoices, fields: readonly string[]): IDataObject {
	const qs: IDataObject = {};
	if (sort.sort_by) qs.sort_by = check.oneOf('Sort By', sort.sort_by, fields);
	if (sort.order_by) qs.order_by = check.oneOf('Order', sort.order_by, ['asc', 'desc'] as const);
	return qs;
}

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/**
 * The description and `execute` of a list operation: its parents, Return All / Limit, Filters,
 * Sort and Options, then the pages of Amiqus's list at `path` with the query the choices make.
 */
export function listOperation(spec: ListSpec) {
	const properties: INodeProperties[] = [...(spec.parents ?? []), ...returnAllOrLimit()];
	if (spec.verdictKeys) properties.push(verdictOnlyProperty);
	if (spec.filters) properties.push(collection('Filters', 'filters', 'Add Filter', spec.filters));
	if (spec.sortBy) properties.push(sortCollection(spec.sortBy));
	if (spec.options) properties.push(collection('Options', 'options', 'Add Option', spec.options));
	const show = { resource: [spec.resource], operation: [spec.operation ?? 'getAll'] };
	return {
		description: updateDisplayOptions({ show }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const check = new InputValidator(this.getNode(), itemIndex);
			const ids = (spec.parents ?? []).map((field) => idOf(this, field, itemIndex));
			const path = typeof spec.path === 'string' ? spec.path : spec.path(...ids);
			const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
			const choices: ListChoices = {
				filters: spec.filters
					? (this.getNodeParameter('filters', itemIndex, {}) as IDataObject)
					: {},
				sort: spec.sortBy ? (this.getNodeParameter('sort', itemIndex, {}) as IDataObject) : {},
				options: spec.options
					? (this.getNodeParameter('options', itemIndex, {}) as IDataObject)
					: {},
				check,
			};
			const qs: IDataObject = { ...expandQuery(choices.options.expand) };
			if (choices.sort.sort_by) qs.sort_by = choices.sort.sort_by;
			if (choices.sort.order_by) qs.order_by = choices.sort.order_by;
			Object.assign(qs, spec.query?.(choices));
			const items = await amiqusList(this, path, qs, { returnAll, limit, itemIndex });
			const mapped = spec.map ? items.map(spec.map) : items;
			const keys = spec.verdictKeys;
			return keys ? mapped.map((item) => verdictOutput(this, itemIndex, item, keys)) : mapped;
		},
	};
}
