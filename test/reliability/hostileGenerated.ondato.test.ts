import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox';
import type { Attempt } from './generators';
import {
	PER_TRIGGER,
	sample,
	headerText,
	anyText,
	optionValue,
	hostileId,
	deepJson,
	mutate,
	oversized,
} from './generators';
import { TRIGGER, assault, genuine, refusedPost, useHostileSandbox } from './hostileHarness';

/**
 * Generated hostile requests for every trigger (fast-check, fixed seed, so a failure replays):
 * mutated bodies, headers, encodings and ids, option values (expressions, empty strings, text
 * where a number belongs), oversized and deeply nested JSON, forged and re-spelt signatures.
 * Each must start no execution and crash nothing (and a browser return must land on the pending
 * page); afterwards one genuine delivery still runs exactly once.
 */

const { sb, publish } = useHostileSandbox();

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
