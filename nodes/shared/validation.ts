import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isSafePathSegment } from './ids';

/**
 * Input checks done before anything is sent, so a bad item costs no request and the
 * message names the field and the item.
 */
/**
 * An email or a date (of birth) is a person's data, and an error message ends up in saved executions and
 * logs: errors show its shape only (digits as 9, letters as a), e.g. "99/99/9999" or "aaaa.aaa@aaaa".
 */
export function shapeOf(text: string): string {
	return text.slice(0, 40).replace(/[0-9]/g, '9').replace(/\p{L}/gu, 'a');
}

export class InputValidator {
	constructor(
		private readonly node: INode,
		private readonly itemIndex: number,
	) {}

	fail(field: string, problem: string, hint?: string): never {
		throw new NodeOperationError(this.node, `"${field}" ${problem} [item ${this.itemIndex}]`, {
			itemIndex: this.itemIndex,
			description: hint,
		});
	}

	required(field: string, value: unknown): string {
		const text =
			typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (!text) this.fail(field, 'is required', `Fill in "${field}" or map it from the input data.`);
		return text;
	}

	email(field: string, value: unknown, { optional = false } = {}): string | undefined {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
			this.fail(
				field,
				`must be an email address, got a value shaped "${shapeOf(text)}"`,
				'e.g. nathan@example.com',
			);
		}
		return text;
	}

	/** A calendar date written YYYY-MM-DD that really exists. */
	date(field: string, value: unknown, { optional = false } = {}): string | undefined {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		const day = text.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
		const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
		if (
			!match ||
			!parsed ||
			parsed.getUTCMonth() !== +match[2] - 1 ||
			parsed.getUTCDate() !== +match[3]
		) {
			this.fail(
				field,
				`must be a date written YYYY-MM-DD, got a value shaped "${shapeOf(text)}"`,
				'e.g. 1990-04-23',
			);
		}
		return day;
	}

	dateTime(field: string, value: unknown, { optional = false } = {}): string | undefined {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		if (
			!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) ||
			Number.isNaN(Date.parse(text))
		) {
			this.fail(
				field,
				`must be a date and time with a zone, got "${text}"`,
				'e.g. 2026-05-01T12:00:00Z',
			);
		}
		return new Date(text).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}

	positiveInteger(field: string, value: unknown): number {
		const text =
			typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (!text) this.required(field, text);
		if (!/^\d+$/.test(text) || Number(text) < 1)
			this.fail(field, `must be a positive whole number, got "${text}"`);
		return Number(text);
	}

	uuid(field: string, value: unknown, { optional = false } = {}): string | undefined {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
			this.fail(
				field,
				`must be a UUID, got "${text}"`,
				'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
			);
		}
		return text.toLowerCase();
	}

	/** ISO 3166-1 country code, alpha-2 ("GB") or alpha-3 ("GBR"). */
	countryCode(
		field: string,
		value: unknown,
		length: 2 | 3,
		{ optional = false } = {},
	): string | undefined {
		const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		if (!new RegExp(`^[A-Z]{${length}}$`).test(text)) {
			this.fail(
				field,
				`must be a ${length}-letter ISO 3166-1 country code, got "${value}"`,
				length === 2 ? 'e.g. GB' : 'e.g. GBR',
			);
		}
		return text;
	}

	url(field: string, value: unknown, { optional = false } = {}): string | undefined {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) return optional ? undefined : this.required(field, text);
		if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(text))
			this.fail(field, `must be an http(s) URL, got "${text}"`);
		return text;
	}

	/** An id that goes into a URL path: never `.`, `..` or anything with `/`, `?`, `#` or `%`. */
	pathId(field: string, value: unknown): string {
		const text = this.required(field, value);
		if (!isSafePathSegment(text)) {
			this.fail(
				field,
				`is not a valid ID, got "${text.slice(0, 64)}"`,
				'IDs are made of letters, digits, "-", "_", "." and ":".',
			);
		}
		return text;
	}

	oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
		if (!allowed.includes(value as T)) {
			this.fail(field, `must be one of ${allowed.join(', ')}, got "${String(value)}"`);
		}
		return value as T;
	}

	/** A JSON value typed into a text field: parsed, or a clear error. */
	json<T = unknown>(field: string, value: unknown): T {
		if (typeof value !== 'string') return value as T;
		try {
			return JSON.parse(value) as T;
		} catch (error) {
			return this.fail(field, `is not valid JSON: ${(error as Error).message}`);
		}
	}
}

/** A comma-separated text as a list of its non-empty, trimmed parts. */
export function commaList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
