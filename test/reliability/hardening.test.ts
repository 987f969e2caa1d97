import { inspect } from 'util';
import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';
import {
	createVerigramFlow,
	type HostedTrigger,
	startNevisSession,
	useTriggerSandbox,
} from './triggers';

/**
 * One test per finding of issue 12 that the engine harness can reproduce: each fails without its
 * fix. The generated hostile suite (hostileGenerated.<provider>.test.ts) then widens every one of them.
 */
afterEach(() => jest.restoreAllMocks()); // first, before the hosts stop (see useTriggerSandbox)
const { sb, publish } = useTriggerSandbox();

let hookCount = 0;
const host = async (
	type: string,
	parameters: IDataObject,
	credentials: Record<string, IDataObject>,
): Promise<HostedTrigger> =>
	await publish('Trigger', type, parameters, credentials, `hardening-${++hookCount}`);

const get = async (url: string) => {
	const r = await fetch(url, { redirect: 'manual' });
	return { status: r.status, location: r.headers.get('location'), body: await r.text() };
};

// ---- Ondato Trigger -------------------------------------------------------------------------

const ONDATO_SECRET = 'whsec-hardening';
const ondatoCredentials = () => ({
	ondatoApi: {
		...sb.ondato.credentials,
		webhookUsername: 'hooks',
		webhookPassword: 'hook-password-123',
		webhookSigningSecret: ONDATO_SECRET,
	},
});
const basic = `Basic ${Buffer.from('hooks:hook-password-123').toString('base64')}`;
const envelope = (id: string, payloadId = '3fa85f64-5717-4562-b3fc-2c963f66afa6') =>
	JSON.stringify({
		id,
		applicationId: sb.ondato.config.applicationId,
		createdUtc: new Date().toISOString(),
		type: 'KycIdentification.Approved',
		payload: { id: payloadId, status: 'Approved' },
	});
const ondatoSignature = (body: string, t = Math.floor(Date.now() / 1000)) =>
	`t=${t},s=${sb.ondato.signature(ONDATO_SECRET, t, body)}`;
const postOndato = async (url: string, body: string, headers: Record<string, string> = {}) =>
	(
		await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...headers },
			body,
		})
	).status;

describe('Ondato Trigger', () => {
	it('refuses every delivery when Authentication has a value it does not know (fail closed)', async () => {
		const { h, node, url } = await host(
			'ondatoTrigger',
			{ events: ['*'], authentication: 'basicAuth' },
			ondatoCredentials(),
		);
		const forged = envelope('forged-1');
		for (const value of [
			'',
			'none',
			'BasicAuth',
			' basicAuth',
			'={{ "none" }}',
			'={{ "" }}',
			'oauth2',
		]) {
			node.parameters.authentication = value;
			// Without credentials, and even with the right ones: an unknown mode checks nothing, so it must refuse all.
			expect([value, await postOndato(url, forged)]).toEqual([value, 401]);
			expect([
				value,
				await postOndato(url, forged, {
					Authorization: basic,
					'Ondato-Signature': ondatoSignature(forged),
				}),
			]).toEqual([value, 401]);
		}
		expect(h.deliveries.filter((d) => d.started)).toEqual([]);
		node.parameters.authentication = 'basicAuth';
		expect(await postOndato(url, forged)).toBe(401);
		expect(await postOndato(url, envelope('genuine-1'), { Authorization: basic })).toBe(200);
		await h.waitForExecutions(1);
		expect(h.executions).toHaveLength(1);
	});

	it('a Signature Tolerance that is not a number keeps the default window (a stale signature is refused)', async () => {
		const { h, url } = await host(
			'ondatoTrigger',
			{ events: ['*'], authentication: 'hmac', options: { toleranceSeconds: 'abc' } },
			ondatoCredentials(),
		);
		const body = envelope('stale-1');
		const stale = Math.floor(Date.now() / 1000) - 30 * 24 * 3600;
		expect(await postOndato(url, body, { 'Ondato-Signature': ondatoSignature(body, stale) })).toBe(
			401,
		);
		expect(h.executions).toHaveLength(0);
		expect(await postOndato(url, body, { 'Ondato-Signature': ondatoSignature(body) })).toBe(200);
		await h.waitForExecutions(1);
	});

	it('with Fetch Current State, a payload id of ".." (or with "/") is refused before any request', async () => {
		const { h, url } = await host(
			'ondatoTrigger',
			{ events: ['*'], authentication: 'basicAuth', options: { fetchCurrentState: true } },
			ondatoCredentials(),
		);
		for (const [i, id] of ['..', '.', '../identifications', 'a/b', '%2e%2e'].entries()) {
			expect([
				id,
				await postOndato(url, envelope(`dots-${i}`, id), { Authorization: basic }),
			]).toEqual([id, 400]);
		}
		expect(
			sb.requests('ondato').filter((r: IDataObject) => !String(r.path).includes('/connect/token')),
		).toEqual([]);
		expect(h.executions).toHaveLength(0);
	});
});

// ---- Verigram and Nevis (browser returns) ------------------------------------------------------

const verigramCredentials = () => sandboxCredentials(sb).verigram();
const createFlow = async (callbackUrl = 'https://example.com/cb') =>
	await createVerigramFlow(sb, callbackUrl, 'hardening');
const verigramReads = (path?: string) =>
	sb
		.requests('verigram')
		.filter((r: IDataObject) => r.method === 'GET' && (path ? r.path === path : true));
const browserOptions = (options: IDataObject = {}) => ({
	redirectUrl: 'https://example.com/done',
	options: { pendingRedirectUrl: 'https://example.com/pending', waitSeconds: 0, ...options },
});

const nevisCredentials = () => sandboxCredentials(sb).nevis();

describe('Verigram flow ids in paths', () => {
	it('the node refuses a flow id of "." or ".." (or with "/", "?", "#", "%") before sending anything', async () => {
		for (const value of ['..', '.', '../x', 'x?y', 'x#y', '%2e%2e']) {
			const run = await runNode({
				type: typeName('verigram'),
				parameters: {
					resource: 'flow',
					operation: 'getResult',
					flowId: { __rl: true, mode: 'id', value },
				},
				credentials: verigramCredentials(),
			});
			expect(run.error?.message).toBe(`"Flow" is not a valid ID, got "${value}" [item 0]`);
		}
		expect(sb.requests('verigram')).toEqual([]);
	});

	it('the trigger sends a browser with a flow id of ".." to the pending page without a request', async () => {
		const { h, url } = await host('verigramTrigger', browserOptions(), verigramCredentials());
		for (const id of ['..', '.', '...'])
			expect(await get(`${url}?flow_id=${id}`)).toMatchObject({
				status: 302,
				location: 'https://example.com/pending',
			});
		expect(sb.requests('verigram')).toEqual([]);
		expect(h.executions).toHaveLength(0);
	});
});

describe('Browser-return limits', () => {
	it('an unknown id is read once, then answered from the negative cache; unknown and unfinished look the same', async () => {
		const { h, url } = await host('verigramTrigger', browserOptions(), verigramCredentials());
		const unknown = await get(`${url}?flow_id=no-such-flow`);
		for (let i = 0; i < 4; i++) expect(await get(`${url}?flow_id=no-such-flow`)).toEqual(unknown);
		expect(verigramReads('/flow/no-such-flow/result')).toHaveLength(1);
		const flowId = await createFlow();
		const unfinished = await get(`${url}?flow_id=${flowId}`);
		expect(await get(`${url}?flow_id=${flowId}`)).toEqual(unfinished);
		expect(verigramReads(`/flow/${flowId}/result`)).toHaveLength(1);
		// The same answer, to the byte, for an unknown id, an unfinished flow and no id at all.
		expect(unfinished).toEqual(unknown);
		expect(await get(url)).toEqual(unknown);
		expect(unknown).toEqual({
			status: 302,
			location: 'https://example.com/pending',
			body: expect.any(String),
		});
		expect(h.executions).toHaveLength(0);
	});

	it('an id already emitted is not read again', async () => {
		const { h, url } = await host(
			'nevisTrigger',
			{
				redirectUrl: 'https://portal.example.com/done',
				options: { pendingRedirectUrl: 'https://portal.example.com/pending', waitSeconds: 0 },
			},
			nevisCredentials(),
		);
		const sessionId = await startNevisSession(sb);
		sb.nevis.finishSession(sessionId, 'verified');
		for (let i = 0; i < 3; i++)
			expect((await get(`${url}?sessionId=${sessionId}`)).location).toBe(
				'https://portal.example.com/done',
			);
		await h.waitForExecutions(1);
		const reads = sb
			.requests('nevis')
			.filter((r: IDataObject) => r.method === 'GET' && String(r.path).endsWith(`/${sessionId}`));
		expect(reads).toHaveLength(1);
		expect(h.executions).toHaveLength(1);
	});

	it('a bounded number of visits poll at once: the next one reads once without waiting, a second visit of a polled id reads nothing', async () => {
		const { h, url } = await host(
			'verigramTrigger',
			browserOptions({ waitSeconds: 20 }),
			verigramCredentials(),
		);
		const flows = await Promise.all(Array.from({ length: 9 }, async () => await createFlow()));
		const polling = flows.slice(0, 8).map(async (id) => await get(`${url}?flow_id=${id}`));
		// Wait until all eight are polling (each has read its flow once).
		while (new Set(verigramReads().map((r: IDataObject) => r.path)).size < 8)
			await new Promise((resolve) => setTimeout(resolve, 20));
		// The ninth reads once and answers: a poll of 20 s would have read it again.
		expect(await get(`${url}?flow_id=${flows[8]}`)).toMatchObject({
			status: 302,
			location: 'https://example.com/pending',
		});
		expect(verigramReads(`/flow/${flows[8]}/result`)).toHaveLength(1);
		// A second visit of a flow being polled is answered at once, without a read of its own.
		const before = verigramReads(`/flow/${flows[0]}/result`).length;
		expect(await get(`${url}?flow_id=${flows[0]}`)).toMatchObject({
			status: 302,
			location: 'https://example.com/pending',
		});
		expect(verigramReads(`/flow/${flows[0]}/result`).length).toBeLessThanOrEqual(before + 1);
		// The eight end as soon as their flows finish, each emitted once.
		for (const id of flows.slice(0, 8)) sb.verigram.finishFlow(id, 'pass');
		expect((await Promise.all(polling)).map((r) => r.location)).toEqual(
			Array(8).fill('https://example.com/done'),
		);
		await h.waitForExecutions(8);
		expect(h.executions).toHaveLength(8);
	});

	it('a Wait for Result that is not a number falls back to the default instead of polling for ever', async () => {
		const { h, url } = await host(
			'nevisTrigger',
			{
				redirectUrl: 'https://portal.example.com/done',
				options: { pendingRedirectUrl: 'https://portal.example.com/pending', waitSeconds: 'abc' },
			},
			nevisCredentials(),
		);
		const sessionId = await startNevisSession(sb);
		expect(await get(`${url}?sessionId=${sessionId}`)).toMatchObject({
			status: 302,
			location: 'https://portal.example.com/pending',
		});
		// It was read (and found pending), a bounded number of times.
		const reads = sb
			.requests('nevis')
			.filter((r: IDataObject) => r.method === 'GET' && String(r.path).endsWith(`/${sessionId}`));
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.length).toBeLessThan(10);
		expect(h.executions).toHaveLength(0);
	});

	it('Identomat emits an undecided result at most once per session and status', async () => {
		const { credentialOf } = require('../identomat/helpers');
		const { h, url } = await host(
			'identomatTrigger',
			{ source: 'browserReturn', redirectUrl: 'https://example.com/thanks' },
			{ identomatApi: credentialOf(sb, 0) },
		);
		const returnUrl = url.replace(/\/callback$/, '/return');
		const begun = await runNode({
			type: typeName('identomat'),
			parameters: {
				resource: 'session',
				operation: 'begin',
				configurationMode: 'json',
				configurationJson: '{}',
			},
			credentials: { identomatApi: credentialOf(sb, 0) },
		});
		const token = begun.items[0].json.session_token as string;
		const visit = async () =>
			expect((await get(`${returnUrl}?session_token=${token}`)).location).toBe(
				'https://example.com/thanks',
			);
		// Later visits, past the negative cache, still read: the clock moves on 11 s each time.
		const realNow = Date.now.bind(Date);
		let shift = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
		const later = () => (shift += 11_000);
		await visit();
		await visit();
		later();
		await visit();
		expect(h.executions).toHaveLength(1);
		sb.identomat.completeSession(token, { outcome: 'manualCheck' });
		later();
		await visit();
		later();
		await visit();
		sb.identomat.completeSession(token, { outcome: 'approved' });
		later();
		await visit();
		later();
		await visit();
		await h.waitForExecutions(3);
		expect(
			h.executions.map((e) => (e.output('Out')[0].json.verification as IDataObject).providerStatus),
		).toEqual(['in_progress', 'manual_check', 'approved']);
	});
});

// ---- Secrets in errors ---------------------------------------------------------------------------

describe('No secret in any error', () => {
	it('an Amiqus registration answer with a secret but no id does not put the secret into the error', async () => {
		const leaked = 'a'.repeat(8) + 'registration-secret-0123456789';
		sb.faults.add({
			provider: 'amiqus',
			method: 'POST',
			path: '/webhooks',
			status: 201,
			body: { secret: leaked, url: 'https://x', events: ['record.finished'] },
		});
		const error = await host(
			'amiqusTrigger',
			{ events: ['record.finished'] },
			sandboxCredentials(sb).amiqus(),
		).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toBe(
			'Amiqus: the response to create the webhook has no id or no signing secret',
		);
		expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(leaked);
	});

	it("a provider message that echoes the credential's token is redacted in the error and in Continue On Fail output", async () => {
		const token = sb.amiqus.config.personalTokens[0];
		const echo = { message: `The token ${token} may not read client 1` };
		sb.faults.add({
			provider: 'amiqus',
			method: 'GET',
			path: '/clients/1',
			status: 403,
			body: echo,
			times: 2,
		});
		const parameters = {
			resource: 'client',
			operation: 'get',
			clientId: { __rl: true, mode: 'id', value: '1' },
		};
		const credentials = sandboxCredentials(sb).amiqus();
		const failed = await runNode({ type: typeName('amiqus'), parameters, credentials });
		expect(failed.error?.message).toBe(
			'Amiqus: The credentials are not allowed to do this (HTTP 403): The token [redacted] may not read client 1',
		);
		expect(inspect(failed.error, { depth: 10 }) + JSON.stringify(failed.run.data)).not.toContain(
			token,
		);
		const continued = await runNode({
			type: typeName('amiqus'),
			parameters,
			credentials,
			continueOnFail: true,
		});
		expect(continued.items[0].json.error).toBe(
			'Amiqus: The credentials are not allowed to do this (HTTP 403): The token [redacted] may not read client 1',
		);
		expect(JSON.stringify(continued.run.data)).not.toContain(token);
	});

	it('an error built by a transport from an answer that echoes the company key is redacted too', async () => {
		const { credentialOf } = require('../identomat/helpers');
		const credential = credentialOf(sb, 0);
		sb.faults.add({
			provider: 'identomat',
			method: 'POST',
			status: 200,
			body: { error: `company key ${credential.companyApiKey} is suspended` },
			times: 2,
		});
		const parameters = {
			resource: 'session',
			operation: 'getResult',
			session: 'wwb83rh1se22wd81z0tx8bqlerljq5kgf6rxem1q',
		};
		const failed = await runNode({
			type: typeName('identomat'),
			parameters,
			credentials: { identomatApi: credential },
		});
		expect(failed.error?.message).toBe('Identomat: company key [redacted] is suspended');
		expect(inspect(failed.error, { depth: 10 }) + JSON.stringify(failed.run.data)).not.toContain(
			credential.companyApiKey,
		);
		const continued = await runNode({
			type: typeName('identomat'),
			parameters,
			credentials: { identomatApi: credential },
			continueOnFail: true,
		});
		expect(continued.items[0].json.error).toBe('Identomat: company key [redacted] is suspended');
		expect(JSON.stringify(continued.run.data)).not.toContain(credential.companyApiKey);
	});
});
