import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * Verdict-only output. Every read that returns a person's data and every trigger has a Simplify
 * switch from node version 2 on, on by default (n8n's convention for a reduced output): the item
 * is reduced to the shared `verification` without its `person` and `document` parts and to the
 * ids needed to read more later. Version 1 nodes (saved workflows) keep their full output.
 */
export const VERDICT_ONLY_VERSION = 2;

/** The Simplify switch of version 2 and later (the text n8n's lint rules ask for, the detail in the hint). */
export const verdictOnlyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: "Simplified: only the verdict (verification without the person's name, date of birth and document) and the IDs to read more later",
	displayOptions: { show: { '@version': [{ _cnd: { gte: VERDICT_ONLY_VERSION } }] } },
};

const isPrimitive = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Reduces an item to its verdict: `keys` (ids, statuses, times and links, kept only when they are
 * plain values, so no nested object of personal data can pass) and `verification` without
 * `person` and `document`.
 */
export function reduceToVerdict(item: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (isPrimitive(item[key])) out[key] = item[key];
	const verdict = item.verification as IDataObject | undefined;
	if (verdict && typeof verdict === 'object') {
		const rest: IDataObject = { ...verdict };
		delete rest.person;
		delete rest.document;
		out.verification = rest;
	}
	return out;
}

/** Whether this node returns the verdict only (version 2 or later, Simplify on). */
export function isVerdictOnly(ctx: IExecuteFunctions | IWebhookFunctions, itemIndex = 0): boolean {
	if (ctx.getNode().typeVersion < VERDICT_ONLY_VERSION) return false;
	const simplify =
		'getBodyData' in ctx
			? (ctx as IWebhookFunctions).getNodeParameter('simplify', true)
			: (ctx as IExecuteFunctions).getNodeParameter('simplify', itemIndex, true);
	return simplify !== false;
}

/** The item as the node outputs it: reduced to its verdict when Simplify is on (version 2). */
export function verdictOutput(
	ctx: IExecuteFunctions | IWebhookFunctions,
	itemIndex: number,
	item: IDataObject,
	keys: string[],
): IDataObject {
	return isVerdictOnly(ctx, itemIndex) ? reduceToVerdict(item, keys) : item;
}
