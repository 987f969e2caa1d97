/**
 * A number read from a parameter, or `fallback` when it is not a finite number (an expression
 * that gave text, an empty field, NaN), clamped to `min`/`max`. A non-numeric value never
 * disables a limit: `NaN > limit` is always false.
 */
export function finiteNumber(
	value: unknown,
	fallback: number,
	bounds: { min?: number; max?: number } = {},
): number {
	const parsed =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	const number = Number.isFinite(parsed) ? parsed : fallback;
	return Math.min(bounds.max ?? Infinity, Math.max(bounds.min ?? -Infinity, number));
}
