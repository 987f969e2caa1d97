import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox';
import { WebhookHost } from '../harness/webhooks';
import { writeFigures } from './figures';
import { createVerigramFlow, hostTrigger, startNevisSession, useTriggerSandbox } from './triggers';

const figures: Record<
	string,
	{
		tried: number;
		refused: number;
		executions: number;
		crashed: number;
		genuineAccepted: number;
		lost: number;
	}
> = {};

const { sb, publish } = useTriggerSandbox(() => {
	writeFigures('hostileWebhooks', {
		description:
			'Hostile requests to every trigger of package.json n8n.nodes (forged/altered signatures, wrong keys, replays, malformed JSON, wrong content type, oversized body; unknown or forged ids for the browser-redirect triggers), then one genuine delivery each',
		triggers: figures,
		total: Object.values(figures).reduce(
			(t, f) => ({
				tried: t.tried + f.tried,
				refused: t.refused + f.refused,
				executions: t.executions + f.executions,
				crashed: t.crashed + f.crashed,
				lost: t.lost + f.lost,
			}),
			{ tried: 0, refused: 0, executions: 0, crashed: 0, lost: 0 },
		),
	});
});

interface Attempt {
	what: string;
	method?: string;
	url?: string;
	body?: string | Buffer;
	headers?: Record<string, string>;
}

/** Sends every hostile attempt; each must be refused (no 2xx that starts a run, or a redirect that starts none) and start nothing. */
async function assault(
	name: string,
	h: WebhookHost,
	url: string,
	attempts: Attempt[],
	refusedStatus: (status: number, what: string) => boolean,
) {
	let refused = 0;
	for (const a of attempts) {
		const r = await fetch(a.url ?? url, {
			method: a.method ?? 'POST',
			headers: a.headers,
			body: a.body as never,
			redirect: 'manual',
		});
		await r.arrayBuffer();
		if (refusedStatus(r.status, a.what)) refused++;
		else throw new Error(`${name}: "${a.what}" was answered ${r.status}`);
	}
	await new Promise((resolve) => setTimeout(resolve, 200));
	const crashed = h.deliveries.filter((d) => d.crashed).length;
	expect(h.deliveries.filter((d) => d.crashed)).toEqual([]);
	expect(h.deliveries.filter((d) => d.started)).toEqual([]);
	expect(h.executions).toHaveLength(0);
	figures[name] = {
		tried: attempts.length,
		refused,
		executions: 0,
		crashed,
		genuineAccepted: 0,
		lost: 0,
	};
}

/** After the assault, one genuine delivery still runs exactly once: the trigger is alive and nothing was lost. */
async function genuine(name: string, h: WebhookHost, send: () => Promise<unknown>) {
	await send();
	await h.waitForExecutions(1, 10_000).catch(() => undefined);
	figures[name].genuineAccepted = h.executions.length;
	figures[name].lost = 1 - Math.min(1, h.executions.length);
	figures[name].executions = h.executions.length;
	expect(h.executions).toHaveLength(1);
}

const oversized = (n = 17 * 1024 * 1024) => Buffer.alloc(n, 0x20);
const hmac = (alg: string, secret: string, body: string, enc: 'hex' | 'base64') =>
	createHmac(alg, secret).update(body).digest(enc);

it('Amiqus Trigger refuses forged, altered, wrongly keyed, replayed, malformed and oversized deliveries', async () => {
	sb.amiqus.setConfig({ webhookTimeoutMs: 30_000 });
	const { h } = await publish(
		'Amiqus Trigger',
		'amiqusTrigger',
		{ events: ['record.finished'] },
		sandboxCredentials(sb).amiqus(),
		'hostile-amiqus',
	);
	const url = h.webhookUrl('Amiqus Trigger');
	const hook = [...sb.amiqus.state.webhooks.values()].find((w: any) => w.url === url) as {
		secret: string;
	};
	const body = JSON.stringify({
		trigger: { alias: 'record.finished', triggered_at: new Date().toISOString() },
		data: { record: { id: 1 } },
	});
	const json = { 'Content-Type': 'application/json', 'X-AQID-Delivery-Id': 'd-1' };
	const signed = (b: string, secret = hook.secret) => ({
		...json,
		'X-AQID-Signature': hmac('sha256', secret, b, 'base64'),
	});
	const attempts: Attempt[] = [
		{ what: 'no signature', body, headers: json },
		{
			what: 'forged signature',
			body,
			headers: { ...json, 'X-AQID-Signature': Buffer.alloc(32, 7).toString('base64') },
		},
		{ what: 'altered body', body: body.replace('"id":1', '"id":2'), headers: signed(body) },
		{ what: 'wrong key', body, headers: signed(body, 'not-the-secret') },
		{
			what: 'signature of another encoding',
			body,
			headers: { ...json, 'X-AQID-Signature': hmac('sha256', hook.secret, body, 'hex') },
		},
		{
			what: 'truncated signature',
			body,
			headers: { ...json, 'X-AQID-Signature': signed(body)['X-AQID-Signature'].slice(0, 20) },
		},
		{ what: 'malformed JSON, signed', body: '{"trigger":', headers: signed('{"trigger":') },
		{ what: 'malformed JSON, unsigned', body: '{"trigger":', headers: json },
		{ what: 'JSON array, signed', body: '[1,2]', headers: signed('[1,2]') },
		{
			what: 'wrong content type, unsigned',
			body: 'a=b',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		},
		{
			what: 'wrong content type, forged',
			body,
			headers: { 'Content-Type': 'text/plain', 'X-AQID-Signature': 'AAAA' },
		},
		{ what: 'oversized body', body: oversized(), headers: { ...json, 'X-AQID-Signature': 'AAAA' } },
		{
			what: 'large forged body',
			body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
			headers: { ...json, 'X-AQID-Signature': 'AAAA' },
		},
	];
	await assault('amiqusTrigger', h, url, attempts, (status) => status >= 400);
	// A replay of a genuine delivery (same delivery id) is acknowledged but runs once.
	const send = async () => {
		for (let i = 0; i < 3; i++) {
			const r = await fetch(url, { method: 'POST', headers: signed(body), body });
			expect(r.status).toBe(200);
		}
	};
	await genuine('amiqusTrigger', h, send);
	figures.amiqusTrigger.tried += 2;
	figures.amiqusTrigger.refused += 2; // the two replays: acknowledged, no run
});

it('Ondato Trigger refuses wrong Basic credentials, forged or stale HMAC signatures, replays and non-envelopes', async () => {
	const secret = 'whsec-hostile';
	const credentials = sandboxCredentials(sb).ondato({
		webhookUsername: 'hooks',
		webhookPassword: 'hook-password-123',
		webhookSigningSecret: secret,
	});
	const { h } = await publish(
		'Ondato Trigger',
		'ondatoTrigger',
		{ events: ['*'], authentication: 'basicAuthAndHmac' },
		credentials,
		'hostile-ondato',
	);
	const url = h.webhookUrl('Ondato Trigger');
	const basic = `Basic ${Buffer.from('hooks:hook-password-123').toString('base64')}`;
	const envelope = (id: string) =>
		JSON.stringify({
			id,
			applicationId: sb.ondato.config.applicationId,
			createdUtc: new Date().toISOString(),
			deliveredUtc: new Date().toISOString(),
			type: 'IdentityVerification.StatusChanged',
			payload: { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', status: 'Completed' },
		});
	const sig = (b: string, t = Math.floor(Date.now() / 1000), key = secret) =>
		`t=${t},s=${sb.ondato.signature(key, t, b)}`;
	const body = envelope('e-1');
	const json = { 'Content-Type': 'application/json', Authorization: basic };
	const attempts: Attempt[] = [
		{ what: 'no authentication', body, headers: { 'Content-Type': 'application/json' } },
		{
			what: 'wrong password',
			body,
			headers: {
				...json,
				Authorization: `Basic ${Buffer.from('hooks:wrong').toString('base64')}`,
				'Ondato-Signature': sig(body),
			},
		},
		{ what: 'no signature', body, headers: json },
		{
			what: 'forged signature',
			body,
			headers: {
				...json,
				'Ondato-Signature': `t=${Math.floor(Date.now() / 1000)},s=${'0'.repeat(64)}`,
			},
		},
		{
			what: 'altered body',
			body: body.replace('Completed', 'Approved'),
			headers: { ...json, 'Ondato-Signature': sig(body) },
		},
		{
			what: 'wrong key',
			body,
			headers: { ...json, 'Ondato-Signature': sig(body, undefined, 'other-secret') },
		},
		{
			what: 'stale timestamp (replayed after the 25-hour window)',
			body,
			headers: {
				...json,
				'Ondato-Signature': sig(body, Math.floor(Date.now() / 1000) - 26 * 3600),
			},
		},
		{
			what: 'malformed JSON',
			body: '{"id":',
			headers: { ...json, 'Ondato-Signature': sig('{"id":') },
		},
		{
			what: 'not an envelope',
			body: '{"hello":1}',
			headers: { ...json, 'Ondato-Signature': sig('{"hello":1}') },
		},
		{
			what: 'wrong content type',
			body: 'a=b',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: basic,
				'Ondato-Signature': sig('a=b'),
			},
		},
		{ what: 'oversized body', body: oversized(), headers: json },
	];
	await assault('ondatoTrigger', h, url, attempts, (status) => status >= 400);
	const send = async () => {
		for (let i = 0; i < 3; i++)
			await fetch(url, {
				method: 'POST',
				headers: { ...json, 'Ondato-Signature': sig(body) },
				body,
			});
	};
	await genuine('ondatoTrigger', h, send);
	figures.ondatoTrigger.tried += 2;
	figures.ondatoTrigger.refused += 2;
});

it('Identomat Trigger refuses callbacks without the right key, malformed and oversized bodies', async () => {
	const key = sb.identomat.config.callbacks.apiKey as string;
	const { h } = await publish(
		'Identomat Trigger',
		'identomatTrigger',
		{ source: 'callbacks', events: ['one-time-password-request'] },
		{ identomatApi: identomatCredential() },
		'hostile-identomat',
	);
	const url = `${h.baseUrl}/webhook/hostile-identomat/callback`;
	const body = (k?: string) =>
		JSON.stringify({
			...(k === undefined ? {} : { callbackApiKey: k }),
			type: 'one-time-password-request',
			sessionId: 's-1',
			text: 'Your code is 1234',
		});
	const json = { 'Content-Type': 'application/json' };
	const attempts: Attempt[] = [
		{ what: 'no key', body: body(), headers: json },
		{ what: 'wrong key', body: body('wrong-key'), headers: json },
		{ what: 'key prefix', body: body(key.slice(0, -1)), headers: json },
		{ what: 'empty key', body: body(''), headers: json },
		{ what: 'malformed JSON', body: '{"callbackApiKey":', headers: json },
		{
			what: 'wrong content type',
			body: `callbackApiKey=x&type=one-time-password-request`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		},
		{ what: 'key in a header only', body: body(), headers: { ...json, 'X-Callback-Api-Key': key } },
		{ what: 'oversized body', body: oversized(), headers: json },
	];
	await assault('identomatTrigger', h, url, attempts, (status) => status >= 400);
	await genuine(
		'identomatTrigger',
		h,
		async () => await fetch(url, { method: 'POST', headers: json, body: body(key) }),
	);

	function identomatCredential() {
		const { credentialOf } = require('../identomat/helpers');
		return credentialOf(sb, 0);
	}
});

it('Verigram and Nevis Triggers (browser returns) start nothing for unknown, forged or unfinished ids', async () => {
	const { h: vg } = await publish(
		'Verigram Trigger',
		'verigramTrigger',
		{
			redirectUrl: 'https://example.com/done',
			options: { pendingRedirectUrl: 'https://example.com/pending', waitSeconds: 0 },
		},
		sandboxCredentials(sb).verigram(),
		'hostile-verigram',
	);
	const vgUrl = vg.webhookUrl('Verigram Trigger');
	const redirected = (status: number) => status === 302 || status >= 400;
	const forgedIds = [
		'no-such-flow',
		'../../etc/passwd',
		'%00',
		'x'.repeat(5000),
		'<script>alert(1)</script>',
		'1 OR 1=1',
	];
	const vgAttempts: Attempt[] = [
		{ what: 'no id', method: 'GET', url: vgUrl },
		...forgedIds.map((id) => ({
			what: `forged id ${id.slice(0, 20)}`,
			method: 'GET',
			url: `${vgUrl}?flow_id=${encodeURIComponent(id)}`,
		})),
		{
			what: 'POST instead of GET',
			body: '{"flow_id":"x"}',
			headers: { 'Content-Type': 'application/json' },
		},
	];
	await assault('verigramTrigger', vg, vgUrl, vgAttempts, redirected);
	// Then a real flow, finished on the hosted page, whose browser comes back once.
	const flowId = await createVerigramFlow(sb, vgUrl, 'hostile-genuine');
	sb.verigram.finishFlow(flowId, 'pass');
	await genuine(
		'verigramTrigger',
		vg,
		async () => await fetch(`${vgUrl}?flow_id=${flowId}`, { redirect: 'manual' }),
	);

	const { h: nv } = await publish(
		'Nevis Trigger',
		'nevisTrigger',
		{
			redirectUrl: 'https://example.com/done',
			options: { pendingRedirectUrl: 'https://example.com/pending', waitSeconds: 0 },
		},
		sandboxCredentials(sb).nevis(),
		'hostile-nevis',
	);
	const nvUrl = nv.webhookUrl('Nevis Trigger');
	const nvAttempts: Attempt[] = [
		{ what: 'no id', method: 'GET', url: nvUrl },
		...forgedIds.map((id) => ({
			what: `forged id ${id.slice(0, 20)}`,
			method: 'GET',
			url: `${nvUrl}?sessionId=${encodeURIComponent(id)}`,
		})),
		{
			what: 'POST instead of GET',
			body: '{"sessionId":"x"}',
			headers: { 'Content-Type': 'application/json' },
		},
	];
	await assault('nevisTrigger', nv, nvUrl, nvAttempts, redirected);
	const sessionId = await startNevisSession(sb);
	sb.nevis.finishSession(sessionId, 'verified');
	await genuine(
		'nevisTrigger',
		nv,
		async () => await fetch(`${nvUrl}?sessionId=${sessionId}`, { redirect: 'manual' }),
	);
});
