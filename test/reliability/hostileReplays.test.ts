import { createHmac } from 'crypto';
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox';
import { WebhookHost } from '../harness/webhooks';
import { writeFigures } from './figures';
import { createVerigramFlow, hostTrigger, startNevisSession, useTriggerSandbox } from './triggers';

// Generated replays of genuine deliveries (issue 12 item 2, issue 17): the same signed body or
// envelope sent again with changed, missing or overlong unsigned headers, sequentially and many at
// once. Each copy must be refused or answered as a duplicate with no extra execution, every 2xx
// answer must stand for an execution or a duplicate of one, and a genuine delivery still runs once.

const figures: Record<
	string,
	{ copies: number; executions: number; distinct: number; extraExecutions: number; crashed: number }
> = {};

const { sb, publish } = useTriggerSandbox(() => {
	writeFigures('hostileReplays', {
		description:
			'Generated copies of genuine deliveries (fast-check): changed, missing and overlong unsigned headers, stale trigger times, sent one after another and many at once; then a genuine delivery',
		triggers: figures,
	});
});

interface Copy {
	headers: Record<string, string>;
	atOnce: boolean;
}

/** Unsigned header variations: an id changed, missing, overlong or odd; the attempt number likewise. */
const unsignedHeaders = (idHeader: string, attemptHeader?: string) =>
	fc
		.record(
			{
				id: fc.oneof(
					fc.constant(undefined),
					fc.uuid(),
					fc.string({ maxLength: 40 }),
					fc.string({ minLength: 200, maxLength: 20_000 }),
					fc.constant(''),
				),
				attempt: fc.oneof(
					fc.constant(undefined),
					fc.integer({ min: -5, max: 1_000_000 }).map(String),
					fc.string({ maxLength: 12 }),
				),
				extra: fc.constantFrom('', 'X-Forwarded-For', 'X-Request-Id'),
			},
			{ requiredKeys: [] },
		)
		.map(({ id, attempt, extra }) => {
			const headers: Record<string, string> = {};
			const printable = (s: string) => s.replace(/[^\x21-\x7e]/g, 'x');
			if (id !== undefined) headers[idHeader] = printable(id);
			if (attemptHeader && attempt !== undefined) headers[attemptHeader] = printable(attempt);
			if (extra) headers[extra] = '203.0.113.7';
			return headers;
		});

const copies = (idHeader: string, attemptHeader?: string) =>
	fc.array(fc.record({ headers: unsignedHeaders(idHeader, attemptHeader), atOnce: fc.boolean() }), {
		minLength: 2,
		maxLength: 8,
	});

/** Sends the copies: those marked atOnce together, the others one after another. Returns the statuses. */
async function sendCopies(
	url: string,
	body: string,
	base: Record<string, string>,
	list: Copy[],
): Promise<number[]> {
	const send = async (c: Copy) => {
		const r = await fetch(url, { method: 'POST', headers: { ...base, ...c.headers }, body });
		await r.arrayBuffer();
		return r.status;
	};
	const together = Promise.all(list.filter((c) => c.atOnce).map(send));
	const statuses: number[] = [];
	for (const c of list.filter((x) => !x.atOnce)) statuses.push(await send(c));
	return [...statuses, ...(await together)];
}

/** After the copies: exactly `distinct` executions, no crash, and each 2xx a run or a duplicate of one. */
async function settleAndCount(name: string, h: WebhookHost, distinct: number, sent: number) {
	await h.waitForExecutions(distinct, 20_000);
	await new Promise((resolve) => setTimeout(resolve, 150));
	expect(h.deliveries.filter((d) => d.crashed)).toEqual([]);
	expect(h.executions).toHaveLength(distinct);
	expect(h.executionsStarted).toBe(distinct);
	// Answers are the run or a duplicate of it (2xx, or a redirect), 409 (retry later, while the first is in flight) or a refusal: never a failure.
	expect(h.deliveries.filter((d) => d.status >= 500 || d.status === 0)).toEqual([]);
	const f = (figures[name] ??= {
		copies: 0,
		executions: 0,
		distinct: 0,
		extraExecutions: 0,
		crashed: 0,
	});
	f.copies += sent;
	f.executions = h.executions.length;
	f.distinct = distinct;
	f.extraExecutions = h.executions.length - distinct;
}

const sign = (secret: string, body: string) =>
	createHmac('sha256', secret).update(body).digest('base64');

it('Amiqus Trigger: copies of a signed body with any unsigned headers run once; stale trigger times are refused; no signature in the output', async () => {
	sb.amiqus.setConfig({ webhookTimeoutMs: 30_000 });
	const { h } = await publish(
		'Amiqus Trigger',
		'amiqusTrigger',
		{ events: ['record.*'], options: { includeHeaders: true } },
		sandboxCredentials(sb).amiqus(),
		'replay-amiqus',
	);
	const url = h.webhookUrl('Amiqus Trigger');
	const secret = (
		[...sb.amiqus.state.webhooks.values()].find((w: any) => w.url === url) as { secret: string }
	).secret;
	let distinct = 0;
	let sent = 0;
	await fc.assert(
		fc.asyncProperty(
			fc.integer({ min: 1, max: 1_000_000 }),
			copies('X-AQID-Delivery-Id', 'X-AQID-Delivery-Attempt'),
			async (recordId, list) => {
				const body = JSON.stringify({
					trigger: { alias: 'record.updated', triggered_at: new Date().toISOString() },
					data: { record: { id: recordId }, n: distinct },
				});
				const statuses = await sendCopies(
					url,
					body,
					{ 'Content-Type': 'application/json', 'X-AQID-Signature': sign(secret, body) },
					list,
				);
				distinct++;
				sent += list.length;
				expect(statuses.filter((s) => s >= 200 && s < 300).length).toBeGreaterThanOrEqual(1);
			},
		),
		{ numRuns: 40 },
	);
	// Stale (or far future) signed trigger times: refused, whatever the headers.
	await fc.assert(
		fc.asyncProperty(
			fc.oneof(
				fc.integer({ min: 66, max: 60 * 24 * 400 }),
				fc.integer({ min: -60 * 24 * 400, max: -66 }),
			),
			unsignedHeaders('X-AQID-Delivery-Id'),
			async (minutesAgo, headers) => {
				const body = JSON.stringify({
					trigger: {
						alias: 'record.finished',
						triggered_at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
					},
					data: { record: { id: 7 } },
				});
				const r = await fetch(url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'X-AQID-Signature': sign(secret, body),
						...headers,
					},
					body,
				});
				await r.arrayBuffer();
				expect(r.status).toBe(400);
				sent++;
			},
		),
		{ numRuns: 30 },
	);
	await settleAndCount('amiqusTrigger', h, distinct, sent);
	for (const run of h.executions) {
		const item = run.output('Out')[0].json;
		expect(Object.keys(item.headers as IDataObject).map((k) => k.toLowerCase())).not.toContain(
			'x-aqid-signature',
		);
		expect(
			item.deliveryId === null ||
				(typeof item.deliveryId === 'string' && item.deliveryId.length <= 128),
		).toBe(true);
	}
	// Twenty copies of a new delivery at once: one execution.
	const body = JSON.stringify({
		trigger: { alias: 'record.finished', triggered_at: new Date().toISOString() },
		data: { record: { id: 424242 } },
	});
	const burst = await Promise.all(
		Array.from({ length: 20 }, async (_, i) => {
			const r = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-AQID-Signature': sign(secret, body),
					'X-AQID-Delivery-Id': `burst-${i}`,
				},
				body,
			});
			return r.status;
		}),
	);
	expect(burst.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
	await settleAndCount('amiqusTrigger', h, distinct + 1, 20);
});

it('Ondato Trigger: copies of an envelope with changed unsigned headers run once', async () => {
	const credentials = sandboxCredentials(sb).ondato({
		webhookUsername: 'hooks',
		webhookPassword: 'hook-password-123',
	});
	const { h } = await publish(
		'Ondato Trigger',
		'ondatoTrigger',
		{ events: ['*'] },
		credentials,
		'replay-ondato',
	);
	const url = h.webhookUrl('Ondato Trigger');
	const basic = `Basic ${Buffer.from('hooks:hook-password-123').toString('base64')}`;
	let distinct = 0;
	let sent = 0;
	await fc.assert(
		fc.asyncProperty(fc.uuid(), copies('X-Ondato-Delivery'), async (id, list) => {
			const body = JSON.stringify({
				id,
				applicationId: sb.ondato.config.applicationId,
				createdUtc: new Date().toISOString(),
				type: 'KycIdentification.Created',
				payload: { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', status: 'Awaiting' },
			});
			await sendCopies(
				url,
				body,
				{ 'Content-Type': 'application/json', Authorization: basic },
				list,
			);
			distinct++;
			sent += list.length;
		}),
		{ numRuns: 30 },
	);
	// An overlong envelope id is not an envelope.
	const long = JSON.stringify({
		id: 'e'.repeat(5000),
		type: 'KycIdentification.Created',
		payload: { id: 'x' },
	});
	const r = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: basic },
		body: long,
	});
	expect(r.status).toBe(400);
	await settleAndCount('ondatoTrigger', h, distinct, sent + 1);
});

it('Identomat Trigger: a callback delivered again or many times at once runs once', async () => {
	const { credentialOf } = require('../identomat/helpers');
	const key = sb.identomat.config.callbacks.apiKey as string;
	const { h } = await publish(
		'Identomat Trigger',
		'identomatTrigger',
		{ source: 'callbacks', events: ['one-time-password-request'] },
		{ identomatApi: credentialOf(sb, 0) },
		'replay-identomat',
	);
	const url = `${h.baseUrl}/webhook/replay-identomat/callback`;
	let distinct = 0;
	let sent = 0;
	await fc.assert(
		fc.asyncProperty(
			fc.integer({ min: 1000, max: 9999 }),
			copies('X-Identomat-Delivery'),
			async (code, list) => {
				const body = JSON.stringify({
					callbackApiKey: key,
					type: 'one-time-password-request',
					sessionId: `s-${distinct}`,
					text: `Your code is ${code}`,
					phoneNumber: '+995512345678',
				});
				await sendCopies(url, body, { 'Content-Type': 'application/json' }, list);
				distinct++;
				sent += list.length;
			},
		),
		{ numRuns: 30 },
	);
	await settleAndCount('identomatTrigger', h, distinct, sent);
});

it('Verigram and Nevis Triggers: a finished flow or session visited again, or many times at once, runs once', async () => {
	// The test key's documented rate limit is not what is tested here.
	sb.verigram.setConfig({ testKeyRateLimit: { limit: 60, windowSeconds: 60, enforce: false } });
	const { h: vg } = await publish(
		'Verigram Trigger',
		'verigramTrigger',
		{ redirectUrl: 'https://example.com/done', options: { waitSeconds: 0 } },
		sandboxCredentials(sb).verigram(),
		'replay-verigram',
	);
	const vgUrl = vg.webhookUrl('Verigram Trigger');
	const { h: nv } = await publish(
		'Nevis Trigger',
		'nevisTrigger',
		{ redirectUrl: 'https://example.com/done', options: { waitSeconds: 0 } },
		sandboxCredentials(sb).nevis(),
		'replay-nevis',
	);
	const nvUrl = nv.webhookUrl('Nevis Trigger');
	const visits = fc.array(fc.record({ atOnce: fc.boolean(), junk: fc.string({ maxLength: 30 }) }), {
		minLength: 2,
		maxLength: 6,
	});
	const visit = async (url: string, list: Array<{ atOnce: boolean; junk: string }>) => {
		const go = async (v: { junk: string }) => {
			const r = await fetch(`${url}&utm=${encodeURIComponent(v.junk)}`, { redirect: 'manual' });
			await r.arrayBuffer();
			// Every visit goes to the done page: the first once its execution exists, the others at once.
			expect([r.status, r.headers.get('location')]).toEqual([302, 'https://example.com/done']);
		};
		const together = Promise.all(list.filter((v) => v.atOnce).map(go));
		for (const v of list.filter((x) => !x.atOnce)) await go(v);
		await together;
	};
	let flows = 0;
	let sessions = 0;
	let vgSent = 0;
	let nvSent = 0;
	await fc.assert(
		fc.asyncProperty(visits, visits, async (vgVisits, nvVisits) => {
			const flowId = await createVerigramFlow(sb, vgUrl, `replay-${flows}`);
			sb.verigram.finishFlow(flowId, 'pass');
			await visit(`${vgUrl}?flow_id=${flowId}`, vgVisits);
			flows++;
			const sessionId = await startNevisSession(sb);
			sb.nevis.finishSession(sessionId, 'verified');
			await visit(`${nvUrl}?sessionId=${sessionId}`, nvVisits);
			sessions++;
			vgSent += vgVisits.length;
			nvSent += nvVisits.length;
		}),
		{ numRuns: 15 },
	);
	await settleAndCount('verigramTrigger', vg, flows, vgSent);
	await settleAndCount('nevisTrigger', nv, sessions, nvSent);
});

describe('Verigram Trigger: the browser is answered once the execution exists; old results stay quiet', () => {
	async function verigramHost(webhookId: string) {
		sb.reset();
		sb.verigram.setConfig({ testKeyRateLimit: { limit: 60, windowSeconds: 60, enforce: false } });
		const { h } = await publish(
			'Verigram Trigger',
			'verigramTrigger',
			{ redirectUrl: 'https://example.com/done', options: { waitSeconds: 0 } },
			sandboxCredentials(sb).verigram(),
			webhookId,
		);
		const url = h.webhookUrl('Verigram Trigger');
		const finishedFlow = async (person: string) => {
			const flowId = await createVerigramFlow(sb, url, person);
			sb.verigram.finishFlow(flowId, 'pass');
			return flowId;
		};
		const visit = async (flowId: string) => {
			const r = await fetch(`${url}?flow_id=${flowId}`, { redirect: 'manual' });
			await r.arrayBuffer();
			return { status: r.status, location: r.headers.get('location') };
		};
		return { h, finishedFlow, visit };
	}

	it('answers the browser with an error when n8n cannot create the execution, and a reload runs it', async () => {
		const { h, finishedFlow, visit } = await verigramHost('replay-verigram-fail');
		const flowId = await finishedFlow('replay-fail');
		h.failExecutionCreation = 1;
		expect((await visit(flowId)).status).toBe(500);
		expect(await visit(flowId)).toEqual({ status: 302, location: 'https://example.com/done' });
		await h.waitForExecutions(1, 20_000);
		expect(h.executions[0].output('Out')[0].json.flow_id).toBe(flowId);
	});

	it('does not emit a result decided more than a day ago, and an old URL stays quiet after 1,000 newer ones', async () => {
		const { h, finishedFlow, visit } = await verigramHost('replay-verigram-old');
		// The decision time is not documented: without it a result cannot be known to be old.
		sb.verigram.setConfig({ resultExtraFields: true });
		const old = await finishedFlow('replay-old');
		sb.verigram.state.flows.get(old).finishedAt = Date.now() - 2 * 86_400_000;
		expect(await visit(old)).toEqual({ status: 302, location: 'https://example.com/done' });
		const first = await finishedFlow('replay-first');
		await visit(first);
		await h.waitForExecutions(1, 20_000);
		for (let i = 0; i < 1000; i++) await visit(await finishedFlow(`replay-${i}`));
		await h.waitForExecutions(1001, 60_000);
		// The first URL again, after 1,000 newer ids: nothing new (a first-in-first-out list of 1,000 forgot it).
		expect(await visit(first)).toEqual({ status: 302, location: 'https://example.com/done' });
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(h.executions).toHaveLength(1001);
		expect(h.executions.map((e) => e.output('Out')[0].json.flow_id)).not.toContain(old);
	}, 180_000);
});
