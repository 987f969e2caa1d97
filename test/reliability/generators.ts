import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

/**
 * What the generated hostile requests are made of (fast-check, fixed seed, so a failure replays):
 * the requests a trigger is sent, the generators shared by the triggers and the browser-return
 * attempts that Verigram and Nevis share. The tests are hostileGenerated.<provider>.test.ts.
 */
export const SEED = 12_2026;
/** Generated requests per trigger, on top of the few fixed ones (oversized bodies, wrong methods). */
export const PER_TRIGGER = 520;

export interface Attempt {
	what: string;
	method?: string;
	/** Appended to the trigger's URL (a query string), or a whole other URL. */
	query?: string;
	url?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Node parameters for this request only (an option value under test). */
	parameters?: IDataObject;
	/** Runs before the request; its result runs after it (e.g. to take a secret away and give it back). */
	around?: () => () => void;
}

export const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] =>
	fc.sample(arbitrary, { numRuns: count, seed: SEED + salt });

// ---- Generators shared by the triggers ----------------------------------------------------------

/** Text that fits in an HTTP header value. */
export const headerText = fc.stringMatching(/^[!-~][ -~]{0,79}$/);
/** Any text, any Unicode. */
export const anyText = fc.string({ unit: 'binary', maxLength: 60 });
/**
 * Values an option may end up holding: empty, expressions, text where a number or a list belongs.
 * Not null: n8n replaces a null parameter with the option's default when it loads the workflow.
 */
export const optionValue = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'={{ "" }}',
		'={{ "none" }}',
		'={{ [] }}',
		'={{ {} }}',
		'={{ null }}',
		'={{ 1/0 }}',
		'={{ $now }}',
		'abc',
		'NaN',
		'-1',
		'1e309',
		'={{ undefined }}',
	),
	headerText,
	fc.constantFrom(0, -5, Number.NaN, [], {}, true),
);
/** Ids meant to move a request, break a parser or probe for existing ones. */
export const hostileId = fc.oneof(
	fc.constantFrom(
		'.',
		'..',
		'...',
		'../',
		'..%2f',
		'%2e%2e',
		'%2E%2E%2F',
		'..\\',
		'/',
		'//',
		'?x=1',
		'#frag',
		'',
		' ',
		'%00',
		'a/../b',
		'..;/',
		'<script>alert(1)</script>',
		"' OR 1=1 --",
		'${7*7}',
		'{{7*7}}',
		'x'.repeat(5000),
	),
	anyText,
	headerText,
	fc.uuid(),
	fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/),
);
/** A JSON value nested `depth` levels deep (arrays or objects). */
export const nested = (depth: number, object: boolean) =>
	object ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
export const deepJson = fc
	.record({ depth: fc.integer({ min: 50, max: 20_000 }), object: fc.boolean() })
	.map(({ depth, object }) => nested(depth, object));
/** A body changed in one place: a character replaced, removed or added. */
export const mutate = (body: string) =>
	fc
		.record({
			at: fc.nat({ max: body.length - 1 }),
			kind: fc.constantFrom('replace', 'remove', 'insert'),
			char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
		})
		.map(({ at, kind, char }) => {
			const replacement =
				kind === 'remove'
					? ''
					: kind === 'insert'
						? char + body[at]
						: char === body[at]
							? `${char}x`
							: char;
			return body.slice(0, at) + replacement + body.slice(at + 1);
		});
/** The same signature spelt otherwise: unpadded, URL-safe, trailing data, other case, prefixes. */
export const respelt = (signature: string) =>
	fc
		.constantFrom(
			signature.replace(/=+$/, ''),
			signature.replace(/\+/g, '-').replace(/\//g, '_'),
			`${signature}A`,
			`${signature}=`,
			`${signature}.`,
			`${signature},${signature}`,
			`sha256=${signature}`,
			signature.toLowerCase() === signature ? signature.toUpperCase() : signature.toLowerCase(),
			Buffer.from(signature, 'base64').toString('hex'),
			signature.slice(0, -4),
			`${signature.slice(0, 10)} ${signature.slice(10)}`,
		)
		.filter((spelling) => spelling !== signature); // e.g. the URL-safe spelling of a signature without + or /
export const oversized = Buffer.alloc(17 * 1024 * 1024, 0x20);

// ---- Verigram and Nevis (browser returns) ------------------------------------------------------------

/**
 * Fixed first: ids that name a folder rather than a flow or session (each must never reach the
 * provider), and a wait that is not a number on an unfinished one (it must end).
 */
export function fixedBrowserReturnAttempts(
	parameter: string,
	unfinished: string,
	options: (extra: IDataObject) => IDataObject,
): Attempt[] {
	return [
		...['.', '..', '...', '%2e%2e', '../x', '..%2F', './', '..\\'].map((id): Attempt => ({
			what: `path id ${id}`,
			method: 'GET',
			query: `?${parameter}=${encodeURIComponent(id)}`,
		})),
		...['abc', '', '={{ "x" }}'].map((value): Attempt => ({
			what: `Wait = ${JSON.stringify(value)} on an unfinished one`,
			method: 'GET',
			query: `?${parameter}=${unfinished}`,
			parameters: options({ waitSeconds: value }),
		})),
	];
}

/** What every browser-return trigger shares: ids, query pollution, option values, methods, headers. */
export function browserReturnAttempts(
	parameter: string,
	wellFormed: fc.Arbitrary<string>,
	existing: string[],
	optionAttempts: fc.Arbitrary<Attempt>,
): fc.Arbitrary<Attempt> {
	const visit = (id: string, extra: Partial<Attempt> = {}): Attempt => ({
		what: `id ${JSON.stringify(id.slice(0, 24))}`,
		method: 'GET',
		query: `?${parameter}=${encodeURIComponent(id)}`,
		...extra,
	});
	return fc.oneof(
		hostileId.map((id) => visit(id)),
		wellFormed.map((id) => visit(id)),
		fc.constantFrom(...existing).map((id) => visit(id)),
		fc
			.constantFrom(...existing)
			.chain((id) =>
				fc
					.constantFrom(
						`?${parameter}=${id}&${parameter}=${id}`,
						`?${parameter}[]=${id}`,
						`?${parameter.toUpperCase()}=${id}`,
						`?${parameter}=${id}%2F..`,
						`?${parameter}=${id}#x`,
						`?x=${id}`,
						'?',
						'',
					)
					.map((query): Attempt => ({ what: `query ${query.slice(0, 30)}`, method: 'GET', query })),
			),
		fc
			.record({
				id: fc.constantFrom(...existing),
				name: fc.constantFrom(
					'X-Forwarded-For',
					'Referer',
					'Cookie',
					'X-Original-URL',
					'X-Rewrite-URL',
					'Authorization',
				),
				value: headerText,
			})
			.map(({ id, name, value }) =>
				visit(id, { what: `header ${name}`, headers: { [name]: value } }),
			),
		optionAttempts,
	);
}
