import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
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
