import { createHmac } from 'crypto';
import * as fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { gzipSync } from 'zlib';

import { sandboxCredentials } from '../harness/sandbox';
import type { Attempt } from './generators';
import {
	PER_TRIGGER,
	sample,
	optionValue,
	nested,
	deepJson,
	mutate,
	respelt,
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
