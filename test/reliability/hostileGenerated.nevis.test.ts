import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';
import type { Attempt } from './generators';
import {
	PER_TRIGGER,
	sample,
	optionValue,
	fixedBrowserReturnAttempts,
	browserReturnAttempts,
} from './generators';
import { TRIGGER, assault, genuine, useHostileSandbox } from './hostileHarness';

/**
 * Generated hostile requests for every trigger (fast-check, fixed seed, so a failure replays):
 * mutated bodies, headers, encodings and ids, option values (expressions, empty strings, text
 * where a number belongs), oversized and deeply nested JSON, forged and re-spelt signatures.
 * Each must start no execution and crash nothing (and a browser return must land on the pending
 * page); afterwards one genuine delivery still runs exactly once.
 */

const { sb, publish } = useHostileSandbox();

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
