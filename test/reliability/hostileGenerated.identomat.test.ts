import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
import type { Attempt } from './generators';
import {
	PER_TRIGGER,
	sample,
	anyText,
	optionValue,
	hostileId,
	deepJson,
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
const { credentialOf: identomatCredentialOf } = require('../identomat/helpers');

const { sb, publish } = useHostileSandbox();

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
