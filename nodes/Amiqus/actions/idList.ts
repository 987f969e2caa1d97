import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputValidator } from '../../shared/validation';

/**
 * The ID a resource locator (or a number field) holds: a positive whole number; errors name the
 * field's label and the item.
 */
export function idOf(ctx: IExecuteFunctions, field: INodeProperties, itemIndex: number): number {
	return new InputValidator(ctx.getNode(), itemIndex).positiveInteger(
		field.displayName,
		ctx.getNodeParameter(field.name, itemIndex, '', { extractValue: true }),
	);
}

/** The UUID (a reference) a string field holds, in lower case; errors name the field's label and the item. */
export function uuidOf(ctx: IExecuteFunctions, field: INodeProperties, itemIndex: number): string {
	return new InputValidator(ctx.getNode(), itemIndex).uuid(
		field.displayName,
		ctx.getNodeParameter(field.name, itemIndex),
	) as string;
}

/**
 * A list of numeric IDs typed as "121, 472" or mapped as a number or an array: each a positive
 * whole number, each once, at least one and at most `max`.
 */
export function idList(
	check: InputValidator,
	field: string,
	value: unknown,
	max: number,
): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '').split(',');
	const texts = parts.map((part) => String(part ?? '').trim()).filter(Boolean);
	if (!texts.length) check.required(field, '');
	const ids: number[] = [];
	for (const text of texts) {
		if (!/^\d+$/.test(text) || Number(text) < 1) {
			check.fail(
				field,
				`must be IDs (positive whole numbers) separated by commas, got "${text.slice(0, 64)}"`,
				'e.g. 121, 472',
			);
		}
		if (!ids.includes(Number(text))) ids.push(Number(text));
	}
	if (ids.length > max) check.fail(field, `must hold at most ${max} IDs, got ${ids.length}`);
	return ids;
}

/** A team member ID, or `false` (Amiqus's "assigned to nobody") for "unassigned". */
export function assigneeFilter(
	check: InputValidator,
	field: string,
	value: unknown,
): number | string | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	return /^(unassigned|false)$/i.test(text) ? 'false' : check.positiveInteger(field, text);
}
