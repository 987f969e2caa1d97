import { createHmac } from 'crypto';
import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { gzipSync } from 'zlib';

import { runNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';
import { WebhookHost } from '../harness/webhooks';
import { writeFigures } from './figures';
import { type HostedTrigger, useTriggerSandbox } from './triggers';

/**
 * Generated hostile requests for every trigger (fast-check, fixed seed, so a failure replays):
 * mutated bodies, headers, encodings and ids, option values (expressions, empty strings, text
 * where a number belongs), oversized and deeply nested JSON, forged and re-spelt signatures.
 * Each must start no execution and crash nothing (and a browser return must land on the pending
 * page); afterwards one genuine delivery still runs exactly once.
 */
const { credentialOf: identomatCredentialOf } = require('../identomat/helpers');

const SEED = 12_2026;
/** Generated requests per trigger, on top of the few fixed ones (oversized bodies, wrong methods). */
const PER_TRIGGER = 520;
const TRIGGER = 'Trigger';

interface Figures {
	tried: number;
	refused: number;
	statuses: Record<string, number>;
	executions: number;
	crashed: number;
	genuineAccepted: number;
	lost: number;
}
const figures: Record<string, Figures> = {};

const { sb, publish } = useTriggerSandbox(() => {
	if (Object.keys(figures).length < 5) return; // a partial run (-t) does not replace the figures the README quotes
	const sum = (key: 'tried' | 'refused' | 'executions' | 'crashed' | 'lost') =>
		Object.values(figures).reduce((total, f) => total + f[key], 0);
	writeFigures('hostileGenerated', {
		description:
			'Generated hostile requests per trigger (fast-check, fixed seed): mutated bodies, headers, encodings and ids, option values (expressions, empty strings, text for numbers), oversized and deeply nested JSON, forged and re-spelt signatures; then one genuine delivery each',
		seed: SEED,
		triggers: figures,
		total: {
			tried: sum('tried'),
			refused: sum('refused'),
			executions: sum('executions'),
			crashed: sum('crashed'),
			lost: sum('lost'),
		},
	});
});

// ---- Harness ------------------------------------------------------------------------------------

interface Attempt {
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

/**
 * Sends every attempt, one at a time; `accept(status, location)` says whether the answer is a
 * refusal. Then no delivery may have started a run or crashed.
 */
async function assault(
	name: string,
	{ h, node, url }: HostedTrigger,
	attempts: Attempt[],
	accept: (status: number, location: string | null, attempt: Attempt) => boolean,
) {
	const statuses: Record<string, number> = {};
	let refused = 0;
	for (const attempt of attempts) {
		const saved: IDataObject = {};
		for (const [key, value] of Object.entries(attempt.parameters ?? {})) {
			saved[key] = node.parameters[key] as never;
			node.parameters[key] = value as never;
		}
		const restore = attempt.around?.();
		let status: number;
		let location: string | null;
		try {
			const r = await fetch(attempt.url ?? `${url}${attempt.query ?? ''}`, {
				method: attempt.method ?? 'POST',
				headers: attempt.headers,
				body: attempt.body as never,
				redirect: 'manual',
			});
			await r.arrayBuffer();
			status = r.status;
			location = r.headers.get('location');
		} catch (error) {
			// The server closed the connection (an oversized body): refused, nothing read.
			status = 0;
			location = null;
			if (!attempt.body || attempt.body.length < 16 * 1024 * 1024) throw error;
		} finally {
			restore?.();
			for (const [key, value] of Object.entries(saved)) {
				if (value === undefined) delete node.parameters[key];
				else node.parameters[key] = value as never;
			}
		}
		statuses[status] = (statuses[status] ?? 0) + 1;
		if (!accept(status, location, attempt))
			throw new Error(`${name}: "${attempt.what}" was answered ${status} ${location ?? ''}`);
		refused++;
	}
	await new Promise((resolve) => setTimeout(resolve, 100));
	const crashed = h.deliveries.filter((d) => d.crashed);
	expect(crashed.map((d) => d.crashed)).toEqual([]);
	expect(h.deliveries.filter((d) => d.started)).toEqual([]);
	expect(h.executions).toHaveLength(0);
	figures[name] = {
		tried: attempts.length,
		refused,
		statuses,
		executions: 0,
		crashed: crashed.length,
		genuineAccepted: 0,
		lost: 0,
	};
}

/** One genuine delivery after the assault runs exactly once. */
async function genuine(name: string, h: WebhookHost, send: () => Promise<unknown>) {
	await send();
	await h.waitForExecutions(1, 10_000).catch(() => undefined);
	await new Promise((resolve) => setTimeout(resolve, 100));
	figures[name].genuineAccepted = h.executions.length;
	figures[name].executions = h.executions.length;
	figures[name].lost = h.executions.length === 1 ? 0 : 1;
	expect(h.executions).toHaveLength(1);
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] =>
	fc.sample(arbitrary, { numRuns: count, seed: SEED + salt });

// ---- Generators shared by the triggers ----------------------------------------------------------

/** Text that fits in an HTTP header value. */
const headerText = fc.stringMatching(/^[!-~][ -~]{0,79}$/);
/** Any text, any Unicode. */
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
/**
 * Values an option may end up holding: empty, expressions, text where a number or a list belongs.
 * Not null: n8n replaces a null parameter with the option's default when it loads the workflow.
 */
const optionValue = fc.oneof(
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
const hostileId = fc.oneof(
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
const nested = (depth: number, object: boolean) =>
	object ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
const deepJson = fc
	.record({ depth: fc.integer({ min: 50, max: 20_000 }), object: fc.boolean() })
	.map(({ depth, object }) => nested(depth, object));
/** A body changed in one place: a character replaced, removed or added. */
const mutate = (body: string) =>
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
const respelt = (signature: string) =>
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
const oversized = Buffer.alloc(17 * 1024 * 1024, 0x20);
const refusedPost = (status: number) => status === 0 || status >= 400;

// ---- Amiqus ---------------------------------------------------------------------------------------

it('Amiqus Trigger: generated hostile deliveries start nothing; a genuine one then runs once', async () => {
	sb.amiqus.setConfig({ webhookTimeoutMs: 30_000 });
	const hosted = await publish(
		TRIGGER,
		'amiqusTrigger',
		{ events: ['record.finished'] },
		sandboxCredentials(sb).amiqus(),
		'generated-amiqus',
	);
	const hook = [...sb.amiqus.state.webhooks.values()].find((w: any) => w.url === hosted.url) as {
		secret: string;
	};
	const sign = (body: string | Buffer, secret = hook.secret) =>
		createHmac('sha256', secret).update(body).digest('base64');
	const body = (id: number) =>
		JSON.stringify({
			trigger: { alias: 'record.finished', triggered_at: new Date().toISOString() },
			data: { record: { id } },
		});
	const genuineBody = body(1);
	const json = (deliveryId: string) => ({
		'Content-Type': 'application/json',
		'X-AQID-Delivery-Id': deliveryId,
	});
	let n = 0;
	const next = () => `hostile-${++n}`;

	const generated = fc.oneof(
		fc.uint8Array({ maxLength: 64 }).map((bytes): Attempt => ({
			what: 'forged signature',
			body: genuineBody,
			headers: { ...json(next()), 'X-AQID-Signature': Buffer.from(bytes).toString('base64') },
		})),
		respelt(sign(genuineBody)).map((signature): Attempt => ({
			what: `signature spelt otherwise: ${signature.slice(0, 20)}`,
			body: genuineBody,
			headers: { ...json(next()), 'X-AQID-Signature': signature },
		})),
		mutate(genuineBody).map((changed): Attempt => ({
			what: 'body changed after signing',
			body: changed,
			headers: { ...json(next()), 'X-AQID-Signature': sign(genuineBody) },
		})),
		fc.string({ minLength: 1, maxLength: 40 }).map((secret): Attempt => ({
			what: 'signed with another key',
			body: genuineBody,
			headers: { ...json(next()), 'X-AQID-Signature': sign(genuineBody, `${secret}!`) },
		})),
		fc.jsonValue().map((value): Attempt => ({
			what: 'random JSON, forged signature',
			body: JSON.stringify(value) ?? 'null',
			headers: { ...json(next()), 'X-AQID-Signature': sign(genuineBody) },
		})),
		deepJson.map((deep): Attempt => ({
			what: 'deeply nested JSON, unsigned',
			body: deep,
			headers: json(next()),
		})),
		// Signed by the real secret but not a delivery that may run: nested JSON, non-objects, other events.
		deepJson.map((deep): Attempt => ({
			what: 'deeply nested JSON, signed',
			body: deep,
			headers: { ...json(next()), 'X-AQID-Signature': sign(deep) },
		})),
		fc
			.oneof(
				fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
				fc.constantFrom('{', '', 'null', '[]'),
			)
			.map((value): Attempt => {
				const text = typeof value === 'string' ? value : JSON.stringify(value);
				return {
					what: 'signed non-object',
					body: text,
					headers: { ...json(next()), 'X-AQID-Signature': sign(text) },
				};
			}),
		fc
			.constantFrom(
				'client.created',
				'record.deleted',
				'ping-ish',
				'',
				'RECORD.FINISHED',
				'record.finished ',
				'record.*',
			)
			.map((alias): Attempt => {
				const text = JSON.stringify({
					trigger: { alias, triggered_at: new Date().toISOString() },
					data: { record: { id: 2 } },
				});
				return {
					what: `signed, unsubscribed event "${alias}"`,
					body: text,
					headers: { ...json(next()), 'X-AQID-Signature': sign(text) },
				};
			}),
		// Header mutations: the signature elsewhere, the content type, the body's encoding.
		fc
			.constantFrom(
				'X-AQID-Signature-256',
				'X-Signature',
				'Signature',
				'X-AQID-Sig',
				'Authorization',
			)
			.map((header): Attempt => ({
				what: `signature in ${header}`,
				body: genuineBody,
				headers: { ...json(next()), [header]: sign(genuineBody) },
			})),
		fc
			.constantFrom(
				'text/plain',
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'application/xml',
				'',
			)
			.map((type): Attempt => ({
				what: `content type "${type}", forged`,
				body: genuineBody,
				headers: { 'Content-Type': type, 'X-AQID-Signature': 'AAAA' },
			})),
		fc.constantFrom('utf16le', 'latin1-bom', 'gzip', 'base64').map((encoding): Attempt => {
			const bytes =
				encoding === 'utf16le'
					? Buffer.from(genuineBody, 'utf16le')
					: encoding === 'latin1-bom'
						? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(genuineBody)])
						: encoding === 'gzip'
							? gzipSync(genuineBody)
							: Buffer.from(Buffer.from(genuineBody).toString('base64'));
			return {
				what: `body re-encoded (${encoding}), signature of the original`,
				body: bytes,
				headers: { ...json(next()), 'X-AQID-Signature': sign(genuineBody) },
			};
		}),
		// Option values: a genuine, signed delivery still starts nothing when Events is not a list that holds it.
		optionValue.map((value): Attempt => {
			const text = body(3);
			return {
				what: `Events = ${JSON.stringify(value)}`,
				body: text,
				headers: { ...json(next()), 'X-AQID-Signature': sign(text) },
				parameters: { events: value },
			};
		}),
		// The signing secret lost from the static data: fail closed.
		fc.constantFrom('', undefined).map((secret): Attempt => {
			const text = body(4);
			return {
				what: 'no signing secret kept',
				body: text,
				headers: { ...json(next()), 'X-AQID-Signature': sign(text) },
				around: () => {
					const state = hosted.h.workflow.getStaticData('node', hosted.node) as IDataObject;
					const kept = state.webhookSecret;
					state.webhookSecret = secret;
					return () => (state.webhookSecret = kept);
				},
			};
		}),
	);
	const attempts: Attempt[] = [
		...sample(generated, PER_TRIGGER, 1),
		{
			what: 'oversized body',
			body: oversized,
			headers: { ...json(next()), 'X-AQID-Signature': 'AAAA' },
		},
		...['GET', 'PUT', 'DELETE', 'PATCH'].map((method): Attempt => ({
			what: `${method} instead of POST`,
			method,
			body: method === 'GET' ? undefined : genuineBody,
			headers: { ...json(next()), 'X-AQID-Signature': sign(genuineBody) },
		})),
	];
	// Signed deliveries that may not run are acknowledged (200) as Amiqus expects; everything else is refused.
	await assault(
		'amiqusTrigger',
		hosted,
		attempts,
		(status, _location, attempt) =>
			refusedPost(status) ||
			(status === 200 &&
				/^(signed non-object|signed, unsubscribed|Events =|deeply nested JSON, signed)/.test(
					attempt.what,
				)),
	);
	await genuine('amiqusTrigger', hosted.h, async () => {
		const r = await fetch(hosted.url, {
			method: 'POST',
			headers: { ...json('genuine-1'), 'X-AQID-Signature': sign(genuineBody) },
			body: genuineBody,
		});
		expect(r.status).toBe(200);
	});
});

// ---- Ondato ---------------------------------------------------------------------------------------

it('Ondato Trigger: generated hostile deliveries start nothing; a genuine one then runs once', async () => {
	const secret = 'whsec-generated';
	const credentials = sandboxCredentials(sb).ondato({
		webhookUsername: 'hooks',
		webhookPassword: 'hook-password-123',
		webhookSigningSecret: secret,
	});
	const hosted = await publish(
		TRIGGER,
		'ondatoTrigger',
		{ events: ['*'], authentication: 'basicAuthAndHmac' },
		credentials,
		'generated-ondato',
	);
	const basicOf = (user: string, password: string) =>
		`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	const basic = basicOf('hooks', 'hook-password-123');
	const now = () => Math.floor(Date.now() / 1000);
	const signature = (body: string, t: number | string = now(), key = secret) =>
		`t=${t},s=${sb.ondato.signature(key, t, body)}`;
	let n = 0;
	const envelope = (
		payload: IDataObject = { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', status: 'Approved' },
		type = 'KycIdentification.Approved',
	) =>
		JSON.stringify({
			id: `hostile-${++n}`,
			applicationId: sb.ondato.config.applicationId,
			createdUtc: new Date().toISOString(),
			type,
			payload,
		});
	const json = { 'Content-Type': 'application/json' };
	/** Fully authenticated: right Basic credentials and a fresh signature of this body. */
	const authenticated = (body: string) => ({
		...json,
		Authorization: basic,
		'Ondato-Signature': signature(body),
	});

	const generated = fc.oneof(
		// Authorization mutations (the HMAC is right).
		fc
			.oneof(
				fc
					.record({ user: anyText, password: anyText })
					.map(({ user, password }) => basicOf(user, password)),
				anyText.map((password) => basicOf('hooks', `${password}x`)),
				anyText.map((user) => basicOf(`${user}x`, 'hook-password-123')),
				fc.constantFrom(
					basicOf('hooks', 'hook-password-12'),
					basicOf('hooks', 'hook-password-1234'),
					basicOf('hooks', ''),
					basicOf('', 'hook-password-123'),
					basicOf('hooks:hook-password-123', ''),
					`Basic ${Buffer.from('hooks hook-password-123').toString('base64')}`,
					`Bearer ${Buffer.from('hooks:hook-password-123').toString('base64')}`,
					`Basic`,
					`Basic ${Buffer.from('hooks:hook-password-123').toString('hex')}`,
					'Basic !!!!',
				),
				headerText,
			)
			.map((authorization): Attempt => {
				const body = envelope();
				return {
					what: `Authorization: ${authorization.slice(0, 30)}`,
					body,
					headers: { ...json, Authorization: authorization, 'Ondato-Signature': signature(body) },
				};
			}),
		// Signature mutations (Basic is right).
		fc
			.oneof(
				fc.integer({ min: 25 * 3600 + 60, max: 10 * 365 * 24 * 3600 }).map((age) => ({
					what: `stale by ${age} s`,
					sig: (b: string) => signature(b, now() - age),
				})),
				fc.integer({ min: 25 * 3600 + 60, max: 10 * 365 * 24 * 3600 }).map((ahead) => ({
					what: `from the future by ${ahead} s`,
					sig: (b: string) => signature(b, now() + ahead),
				})),
				fc
					.stringMatching(/^[0-9a-f]{0,80}$/)
					.map((hex) => ({ what: 'forged s', sig: () => `t=${now()},s=${hex}` })),
				headerText.map((t) => ({
					what: `t=${t.slice(0, 20)}`,
					sig: (b: string) => `t=${t},s=${sb.ondato.signature(secret, now(), b)}`,
				})),
				fc.string({ minLength: 1, maxLength: 30 }).map((key) => ({
					what: 'signed with another key',
					sig: (b: string) => signature(b, now(), `${key}#`),
				})),
				fc
					.constantFrom('', 's=', 't=', 'garbage', `t=${Math.floor(Date.now() / 1000)}`)
					.map((header) => ({ what: `signature header "${header}"`, sig: () => header })),
				fc.constant({
					what: 'signature of the payload, not the envelope',
					sig: (b: string) => signature(JSON.stringify(JSON.parse(b).payload)),
				}),
			)
			.map(({ what, sig }): Attempt => {
				const body = envelope();
				return {
					what,
					body,
					headers: { ...json, Authorization: basic, 'Ondato-Signature': sig(body) },
				};
			}),
		// The body changed after signing.
		mutate(envelope()).map((changed): Attempt => ({
			what: 'envelope changed after signing',
			body: changed,
			headers: { ...json, Authorization: basic, 'Ondato-Signature': signature(envelope()) },
		})),
		// Option values of Authentication: with the right credentials and signature, an unknown mode still refuses.
		fc
			.oneof(
				optionValue,
				fc.constantFrom(
					'basicauth',
					'BasicAuth',
					'basicAuth ',
					'none',
					'oauth2',
					'hmac,basicAuth',
					'={{ $env.HOME }}',
					"={{ $('x').item.json.y }}",
				),
			)
			.map((value): Attempt => {
				const body = envelope();
				return {
					what: `Authentication = ${JSON.stringify(value)}`,
					body,
					headers: authenticated(body),
					parameters: { authentication: value },
				};
			}),
		// Option values of the signature tolerance, with a stale signature (a number wider than its age would be a real setting).
		optionValue
			.filter((value) => !(Number(value) >= 26 * 3600))
			.map((value): Attempt => {
				const body = envelope();
				return {
					what: `Signature Tolerance = ${JSON.stringify(value)}, stale`,
					body,
					headers: {
						...json,
						Authorization: basic,
						'Ondato-Signature': signature(body, now() - 26 * 3600),
					},
					parameters: { options: { toleranceSeconds: value } },
				};
			}),
		// Option values of Events: a genuine envelope starts nothing unless Events is a list that holds it.
		fc
			.oneof(
				optionValue,
				fc.constantFrom(
					['Form.Created'],
					['KycIdentification.Rejected'],
					'KycIdentification.Approved',
					'={{ "*" }}',
				),
			)
			.map((value): Attempt => {
				const body = envelope();
				return {
					what: `Events = ${JSON.stringify(value)}`,
					body,
					headers: authenticated(body),
					parameters: { events: value },
				};
			}),
		// Authenticated, but not an envelope: random JSON, deep nesting, envelopes missing a part.
		fc
			.oneof(
				fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
				deepJson,
				fc.constantFrom(
					'{"id":"x","type":"KycIdentification.Approved"}',
					'{"id":1,"type":"x","payload":{}}',
					'{"id":"x","type":"","payload":{}}',
					'{"id":"x","type":"x","payload":[]}',
					'{"ID":"x","TYPE":"y","PAYLOAD":null}',
					'{',
				),
			)
			.map((text): Attempt => ({
				what: 'authenticated non-envelope',
				body: text,
				headers: authenticated(text),
			})),
		// Fetch Current State with payload ids meant to move the request.
		hostileId
			.filter((id) => !/^[A-Za-z0-9._~:@+-]{1,256}$/.test(id) || /^\.+$/.test(id))
			.map((id): Attempt => {
				const body = envelope({ id, status: 'Approved' });
				return {
					what: `payload id ${JSON.stringify(id.slice(0, 20))} with Fetch Current State`,
					body,
					headers: authenticated(body),
					parameters: { options: { fetchCurrentState: true } },
				};
			}),
		// Content types and encodings.
		fc
			.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', '')
			.map((type): Attempt => {
				const body = envelope();
				return {
					what: `content type "${type}"`,
					body: `a=${encodeURIComponent(body)}`,
					headers: {
						'Content-Type': type,
						Authorization: basic,
						'Ondato-Signature': signature(body),
					},
				};
			}),
	);
	const attempts: Attempt[] = [
		...sample(generated, PER_TRIGGER, 2),
		{ what: 'oversized body', body: oversized, headers: { ...json, Authorization: basic } },
		...['GET', 'PUT', 'DELETE'].map((method): Attempt => ({
			what: `${method} instead of POST`,
			method,
			headers: { Authorization: basic },
		})),
	];
	// An authenticated delivery of an event not chosen is acknowledged (200) and starts nothing.
	await assault(
		'ondatoTrigger',
		hosted,
		attempts,
		(status, _location, attempt) =>
			refusedPost(status) || (status === 200 && attempt.what.startsWith('Events =')),
	);
	await genuine('ondatoTrigger', hosted.h, async () => {
		const body = envelope();
		const r = await fetch(hosted.url, { method: 'POST', headers: authenticated(body), body });
		expect(r.status).toBe(200);
	});
});

// ---- Identomat --------------------------------------------------------------------------------------

it('Identomat Trigger: generated hostile callbacks and returns start nothing; a genuine callback then runs once', async () => {
	const credential = identomatCredentialOf(sb, 0);
	const key = credential.callbackApiKey as string;
	const hosted = await publish(
		TRIGGER,
		'identomatTrigger',
		{ source: 'callbacks', events: ['one-time-password-request'] },
		{ identomatApi: credential },
		'generated-identomat',
	);
	const callbackUrl = hosted.url;
	const returnUrl = `${hosted.h.baseUrl}/webhook/generated-identomat/return`;
	const json = { 'Content-Type': 'application/json' };
	const callback = (callbackApiKey: unknown, extra: IDataObject = {}) =>
		JSON.stringify({
			...(callbackApiKey === undefined ? {} : { callbackApiKey }),
			type: 'one-time-password-request',
			sessionId: 's-1',
			text: 'Your code is 1234',
			...extra,
		});
	// Sessions that exist but are not decided: with Only Decided Results they must start nothing.
	const begun = await Promise.all(
		[0, 1, 2].map(async () => {
			const run = await runNode({
				type: typeName('identomat'),
				parameters: {
					resource: 'session',
					operation: 'begin',
					configurationMode: 'json',
					configurationJson: '{}',
				},
				credentials: { identomatApi: credential },
			});
			return run.items[0].json.session_token as string;
		}),
	);
	sb.identomat.completeSession(begun[1], { outcome: 'manualCheck' });
	const returning = {
		source: 'browserReturn',
		redirectUrl: 'https://example.com/thanks',
		onlyDecided: true,
	};

	const generated = fc.oneof(
		// The shared key, mutated.
		fc
			.oneof(
				anyText,
				fc.constantFrom(
					key.slice(0, -1),
					`${key}x`,
					` ${key}`,
					`${key} `,
					key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase(),
					`${key}\u0000`,
					key.split('').reverse().join(''),
					'',
					`"${key}"`,
				),
				fc.constantFrom(null, 0, 1, true, [key], { key }, [], {}),
			)
			.map((value): Attempt => ({
				what: `callbackApiKey ${JSON.stringify(value)?.slice(0, 20)}`,
				body: callback(value),
				headers: json,
				url: callbackUrl,
			})),
		// The key anywhere but in the body.
		fc.constantFrom('header', 'query', 'authorization').map((where): Attempt => ({
			what: `key in the ${where}`,
			body: callback(undefined),
			headers: {
				...json,
				...(where === 'header'
					? { 'X-Callback-Api-Key': key }
					: where === 'authorization'
						? { Authorization: key }
						: {}),
			},
			url: where === 'query' ? `${callbackUrl}?callbackApiKey=${key}` : callbackUrl,
		})),
		// Bodies that are not a callback object.
		fc
			.oneof(
				fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
				deepJson,
				fc.constantFrom('{', '', '[]', 'null'),
			)
			.map((text): Attempt => ({
				what: 'not a callback object',
				body: text,
				headers: json,
				url: callbackUrl,
			})),
		// The right key in an encoding the trigger does not read as JSON.
		fc
			.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', '')
			.map((type): Attempt => ({
				what: `right key, content type "${type}"`,
				body: callback(key),
				headers: { 'Content-Type': type },
				url: callbackUrl,
			})),
		// Option values of Receive: with the right key, a callback reaches nothing unless Receive is Callbacks.
		fc
			.oneof(optionValue, fc.constantFrom('browserReturn', 'Callbacks', 'callbacks '))
			.map((value): Attempt => ({
				what: `Receive = ${JSON.stringify(value)}`,
				body: callback(key),
				headers: json,
				url: callbackUrl,
				parameters: { source: value },
			})),
		// Option values of Events: with the right key, a callback type not in a list of events starts nothing.
		fc
			.oneof(
				optionValue,
				fc.constantFrom(
					'one-time-password-request',
					'={{ "one-time-password-request" }}',
					['statusUpdate'],
					['share-session-link-via-sms'],
				),
			)
			.map((value): Attempt => ({
				what: `Events = ${JSON.stringify(value)}`,
				body: callback(key),
				headers: json,
				url: callbackUrl,
				parameters: { events: value },
			})),
		// Browser returns: forged, malformed and unknown tokens, and undecided sessions.
		fc
			.oneof(hostileId, fc.stringMatching(/^[a-z0-9]{40}$/), fc.constantFrom(...begun))
			.map((token): Attempt => ({
				what: `return with token ${JSON.stringify(token.slice(0, 20))}`,
				method: 'GET',
				url: `${returnUrl}?session_token=${encodeURIComponent(token)}`,
				parameters: returning,
			})),
		fc
			.constantFrom(
				`session_token=${begun[0]}&session_token=x`,
				`session_token[]=${begun[0]}`,
				`SESSION_TOKEN=${begun[0]}`,
				`session_token=${begun[0]}%00`,
				'session_token=',
				'',
			)
			.map((query): Attempt => ({
				what: `return with query ${query.slice(0, 30)}`,
				method: 'GET',
				url: `${returnUrl}?${query}`,
				parameters: returning,
			})),
		// A browser at the return URL while the trigger receives callbacks, and the reverse.
		fc.constantFrom(...begun).map((token): Attempt => ({
			what: 'return while receiving callbacks',
			method: 'GET',
			url: `${returnUrl}?session_token=${token}`,
		})),
	);
	const attempts: Attempt[] = [
		...sample(generated, PER_TRIGGER, 3),
		{ what: 'oversized body', body: oversized, headers: json, url: callbackUrl },
		...['GET', 'PUT', 'DELETE'].map((method): Attempt => ({
			what: `${method} on the callback URL`,
			method,
			url: callbackUrl,
		})),
		{
			what: 'POST on the return URL',
			body: callback(key),
			headers: json,
			url: returnUrl,
			parameters: returning,
		},
	];
	await assault('identomatTrigger', hosted, attempts, (status, location, attempt) => {
		if (attempt.what.startsWith('return with'))
			return status === 302 && location === 'https://example.com/thanks';
		return refusedPost(status) || (status === 200 && attempt.what.startsWith('Events ='));
	});
	await genuine('identomatTrigger', hosted.h, async () => {
		const r = await fetch(callbackUrl, { method: 'POST', headers: json, body: callback(key) });
		expect(r.status).toBe(200);
	});
});

// ---- Verigram and Nevis (browser returns) ------------------------------------------------------------

/**
 * Fixed first: ids that name a folder rather than a flow or session (each must never reach the
 * provider), and a wait that is not a number on an unfinished one (it must end).
 */
function fixedBrowserReturnAttempts(
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
function browserReturnAttempts(
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

it('Verigram Trigger: generated hostile browser returns start nothing and land on the pending page; a finished flow then runs once', async () => {
	const credentials = {
		verigramApi: {
			apiKey: 'sandbox-verigram-prod-key',
			apiSecret: 'sandbox-verigram-prod-secret',
			host: 'custom',
			baseUrl: sb.verigram.baseUrl,
		},
	};
	const hosted = await publish(
		TRIGGER,
		'verigramTrigger',
		{
			redirectUrl: 'https://example.com/done',
			options: { pendingRedirectUrl: 'https://example.com/pending', waitSeconds: 0 },
		},
		credentials,
		'generated-verigram',
	);
	const createFlow = async () => {
		const run = await runNode({
			type: typeName('verigram'),
			parameters: {
				resource: 'flow',
				operation: 'create',
				callbackUrl: hosted.url,
				personId: 'generated',
				locale: 'en',
			},
			credentials,
		});
		return run.items[0].json.flow_id as string;
	};
	const unfinished = [await createFlow(), await createFlow(), await createFlow()];
	const options = (extra: IDataObject) => ({
		options: { pendingRedirectUrl: 'https://example.com/pending', waitSeconds: 0, ...extra },
	});
	const optionAttempts = fc.oneof(
		// A wait that is not a number must not poll for ever (unknown ids: the answer is immediate).
		fc
			.record({ value: fc.oneof(optionValue, fc.constant(1e9)), id: fc.uuid() })
			.map(({ value, id }): Attempt => ({
				what: `Wait = ${JSON.stringify(value)}`,
				method: 'GET',
				query: `?flow_id=${id}`,
				parameters: options({ waitSeconds: value }),
			})),
		fc
			.record({ value: optionValue, id: fc.constantFrom(...unfinished) })
			.map(({ value, id }): Attempt => ({
				what: `Flow ID Query Parameter = ${JSON.stringify(value)}`,
				method: 'GET',
				query: `?flow_id=${id}`,
				parameters: options({ flowIdParameter: value }),
			})),
		fc
			.record({ value: optionValue, id: fc.constantFrom(...unfinished) })
			.map(({ value, id }): Attempt => ({
				what: `Final Flow Statuses = ${JSON.stringify(value)}`,
				method: 'GET',
				query: `?flow_id=${id}`,
				parameters: options({ finalStatuses: value }),
			})),
	);
	const generated = browserReturnAttempts('flow_id', fc.uuid(), unfinished, optionAttempts);
	const attempts: Attempt[] = [
		...fixedBrowserReturnAttempts('flow_id', unfinished[0], options),
		...sample(generated, PER_TRIGGER, 4),
		...['POST', 'PUT', 'DELETE'].map((method): Attempt => ({
			what: `${method} instead of GET`,
			method,
			query: `?flow_id=${unfinished[0]}`,
			body: method === 'POST' ? `{"flow_id":"${unfinished[0]}"}` : undefined,
		})),
	];
	await assault('verigramTrigger', hosted, attempts, (status, location, attempt) =>
		attempt.method === 'GET'
			? status === 302 && location === 'https://example.com/pending'
			: status >= 400,
	);
	// Nothing of the assault went to Verigram with a path it could not name.
	expect(
		sb
			.requests('verigram')
			.filter(
				(r: IDataObject) => r.method === 'GET' && !/^\/flow\/[^/]+\/result$/.test(String(r.path)),
			),
	).toEqual([]);
	const flowId = await createFlow();
	sb.verigram.finishFlow(flowId, 'pass');
	await genuine('verigramTrigger', hosted.h, async () =>
		expect(
			(await fetch(`${hosted.url}?flow_id=${flowId}`, { redirect: 'manual' })).headers.get(
				'location',
			),
		).toBe('https://example.com/done'),
	);
});

it('Nevis Trigger: generated hostile browser returns start nothing and land on the pending page; a finished session then runs once', async () => {
	const credentials = sandboxCredentials(sb).nevis();
	const hosted = await publish(
		TRIGGER,
		'nevisTrigger',
		{
			redirectUrl: 'https://portal.example.com/done',
			options: { pendingRedirectUrl: 'https://portal.example.com/pending', waitSeconds: 0 },
		},
		credentials,
		'generated-nevis',
	);
	const startSession = async () => {
		const run = await runNode({
			type: typeName('nevis'),
			parameters: { resource: 'identityVerificationSession', operation: 'start' },
			credentials,
		});
		return String(run.items[0].json.sessionId);
	};
	const pending = [await startSession(), await startSession(), await startSession()];
	const options = (extra: IDataObject) => ({
		options: { pendingRedirectUrl: 'https://portal.example.com/pending', waitSeconds: 0, ...extra },
	});
	const optionAttempts = fc.oneof(
		fc
			.record({
				value: fc.oneof(optionValue, fc.constant(1e9)),
				id: fc.integer({ min: 100_000_000, max: 999_999_999 }),
			})
			.map(({ value, id }): Attempt => ({
				what: `Wait = ${JSON.stringify(value)}`,
				method: 'GET',
				query: `?sessionId=${id}`,
				parameters: options({ waitSeconds: value }),
			})),
		fc
			.record({ value: optionValue, id: fc.constantFrom(...pending) })
			.map(({ value, id }): Attempt => ({
				what: `Session ID Query Parameters = ${JSON.stringify(value)}`,
				method: 'GET',
				query: `?sessionId=${id}&tc=${id}`,
				parameters: options({ sessionParameters: value }),
			})),
	);
	const generated = browserReturnAttempts(
		'sessionId',
		fc.integer({ min: 100_000_000, max: 999_999_999 }).map(String),
		pending,
		optionAttempts,
	);
	const attempts: Attempt[] = [
		...fixedBrowserReturnAttempts('sessionId', pending[0], options),
		...sample(generated, PER_TRIGGER, 5),
		...['POST', 'PUT', 'DELETE'].map((method): Attempt => ({
			what: `${method} instead of GET`,
			method,
			query: `?sessionId=${pending[0]}`,
		})),
	];
	await assault('nevisTrigger', hosted, attempts, (status, location, attempt) =>
		attempt.method === 'GET'
			? status === 302 && location === 'https://portal.example.com/pending'
			: status >= 400,
	);
	expect(
		sb
			.requests('nevis')
			.filter(
				(r: IDataObject) =>
					r.method === 'GET' &&
					!/^\/api\/v1\/idverification\/sessions\/\d{9}$/.test(String(r.path)),
			),
	).toEqual([]);
	const sessionId = await startSession();
	sb.nevis.finishSession(sessionId, 'verified');
	await genuine('nevisTrigger', hosted.h, async () =>
		expect(
			(await fetch(`${hosted.url}?sessionId=${sessionId}`, { redirect: 'manual' })).headers.get(
				'location',
			),
		).toBe('https://portal.example.com/done'),
	);
});
