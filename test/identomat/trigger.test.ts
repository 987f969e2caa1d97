import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	buildWorkflow,
	credentialsHelperWith,
	packageNode,
	runNode,
	typeName,
} from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { credentialOf, credentials, useSandbox } from './helpers';

const sandbox = useSandbox();
const TRIGGER = 'Identomat Trigger';
const OUT = 'Out';
const hosts: WebhookHost[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map(async (host) => await host.stop()));
});

async function startHost(parameters: IDataObject, extra: IDataObject = {}): Promise<WebhookHost> {
	const workflow = buildWorkflow({
		nodes: [
			packageNode(TRIGGER, typeName('identomatTrigger'), parameters, {
				webhookId: 'c0ffee00-0000-4000-8000-000000000005',
				credentials: { identomatApi: { id: 'identomatApi', name: 'Identomat sandbox' } },
			}),
			packageNode(OUT, 'n8n-nodes-base.noOp', {}),
		],
		connections: { [TRIGGER]: { main: [[{ node: OUT, type: 'main', index: 0 }]] } },
	});
	const host = await new WebhookHost(
		workflow,
		credentialsHelperWith({
			identomatApi: credentialOf(sandbox(), 0, extra) as Record<string, string>,
		}),
	).start();
	hosts.push(host);
	await host.activate();
	return host;
}

const callbackUrl = (host: WebhookHost) =>
	`${host.baseUrl}/webhook/c0ffee00-0000-4000-8000-000000000005/callback`;
const returnUrl = (host: WebhookHost) =>
	`${host.baseUrl}/webhook/c0ffee00-0000-4000-8000-000000000005/return`;
const post = (url: string, body: IDataObject) =>
	axios.post(url, body, { validateStatus: () => true });

describe('Identomat Trigger: callbacks', () => {
	it('starts a run for a documented callback sent by the sandbox, without the callback key in the output', async () => {
		const sb = sandbox();
		const host = await startHost({ source: 'callbacks', events: ['one-time-password-request'] });
		sb.identomat.setConfig({ callbacks: { url: callbackUrl(host) } });
		await sb.identomat.emitCallback(
			'one-time-password-request',
			'wwb83rh1se22wd81z0tx8bqlerljq5kgf6rxem1q',
			{ text: 'Your code is 6867', phoneNumber: '+995512345678' },
		);
		const [run] = await host.waitForExecutions(1);
		expect(run.output(OUT).map((i) => i.json)).toEqual([
			{
				type: 'one-time-password-request',
				sessionId: 'wwb83rh1se22wd81z0tx8bqlerljq5kgf6rxem1q',
				text: 'Your code is 6867',
				phoneNumber: '+995512345678',
				deliveryKey: expect.any(String),
			},
		]);
		expect(sb.identomat.deliveries[0].attempts[0]).toMatchObject({ status: 200, ok: true });
	});

	it('runs the same callback once when it is delivered again or twice at once (answered 2xx only with an execution)', async () => {
		const sb = sandbox();
		const host = await startHost({ source: 'callbacks', events: ['share-session-link-via-sms'] });
		const body = {
			callbackApiKey: sb.identomat.config.callbacks.apiKey,
			type: 'share-session-link-via-sms',
			sessionId: 'ku2a5ldv4i13go76ftkych1je055nvyjtvjuurkp',
			text: 'Hello',
			phoneNumber: '+995512345678',
			sessionLink: 'https://x',
		};
		const first = await post(callbackUrl(host), body);
		expect(first.status).toBe(200);
		expect(first.data).toEqual({ received: true });
		await host.waitForExecutions(1);
		const again = await post(callbackUrl(host), body);
		expect(again.status).toBe(200);
		expect(again.data).toEqual({ received: true, duplicate: true });
		const other = { ...body, text: 'Hello again' };
		const copies = await Promise.all([
			post(callbackUrl(host), other),
			post(callbackUrl(host), other),
		]);
		// One copy runs; the other is answered 2xx as a duplicate, or 409 (retry later) while the first is in flight.
		expect(copies.map((r) => r.status).sort()).toEqual(expect.arrayContaining([200]));
		await host.waitForExecutions(2);
		await new Promise((r) => setTimeout(r, 150));
		expect(host.executions).toHaveLength(2);
		expect(
			host.deliveries.filter((d) => d.status >= 200 && d.status < 300 && d.started),
		).toHaveLength(2);
	});

	it('refuses a wrong or missing callbackApiKey with 401 and starts nothing', async () => {
		const host = await startHost({ source: 'callbacks', events: ['share-session-link-via-sms'] });
		const body = {
			type: 'share-session-link-via-sms',
			sessionId: 'ku2a5ldv4i13go76ftkych1je055nvyjtvjuurkp',
			text: 'Hello',
			phoneNumber: '+995512345678',
			sessionLink: 'https://x',
		};
		expect((await post(callbackUrl(host), { ...body, callbackApiKey: 'wrong-key' })).status).toBe(
			401,
		);
		expect((await post(callbackUrl(host), body)).status).toBe(401);
		expect(host.deliveries.every((d) => !d.started)).toBe(true);
		expect(host.executions).toHaveLength(0);
	});

	it('refuses every callback when the credential has no Callback API Key', async () => {
		const host = await startHost(
			{ source: 'callbacks', events: ['share-session-link-via-sms'] },
			{ callbackApiKey: '' },
		);
		expect(
			(await post(callbackUrl(host), { callbackApiKey: '', type: 'share-session-link-via-sms' }))
				.status,
		).toBe(401);
		expect(host.executions).toHaveLength(0);
	});

	it('acknowledges callbacks of other types without a run', async () => {
		const sb = sandbox();
		const host = await startHost({ source: 'callbacks', events: ['share-session-link-via-email'] });
		const response = await post(callbackUrl(host), {
			callbackApiKey: sb.identomat.config.callbacks.apiKey,
			type: 'one-time-password-request',
			sessionId: 'x',
		});
		expect(response.status).toBe(200);
		expect(host.deliveries[0].started).toBe(false);
	});

	it('emits a status update with the result read from the API and a verification', async () => {
		const sb = sandbox();
		const host = await startHost({
			source: 'callbacks',
			events: ['statusUpdate'],
			statusUpdateTypes: 'status-update',
			fetchResult: true,
		});
		sb.identomat.setConfig({ callbacks: { url: callbackUrl(host), statusUpdates: true } });
		const begun = await runNode({
			type: typeName('identomat'),
			parameters: {
				resource: 'session',
				operation: 'begin',
				configurationMode: 'json',
				configurationJson: '{}',
			},
			credentials: credentials(sb),
		});
		const token = begun.items[0].json.session_token as string;
		sb.identomat.completeSession(token, { outcome: 'rejected' });
		const [run] = await host.waitForExecutions(1);
		const item = run.output(OUT)[0].json;
		expect(item).toMatchObject({
			event: 'statusUpdate',
			type: 'status-update',
			sessionId: token,
			result: { result: 'rejected' },
		});
		expect(item.verification).toMatchObject({
			status: 'rejected',
			reasons: [{ code: 'face_mismatch' }],
		});
		expect(item).not.toHaveProperty('callbackApiKey');
		expect(
			sb
				.requests('identomat')
				.some(
					(r: IDataObject) =>
						r.path === '/result/' && (r.body as IDataObject).session_token === token,
				),
		).toBe(true);
	});

	it('does not answer browsers in callback mode', async () => {
		const host = await startHost({ source: 'callbacks', events: ['statusUpdate'] });
		expect(
			(await axios.get(`${returnUrl(host)}?session_token=abc`, { validateStatus: () => true }))
				.status,
		).toBe(404);
		expect(host.executions).toHaveLength(0);
	});
});

describe('Identomat Trigger: browser return', () => {
	async function beginTo(host: WebhookHost): Promise<string> {
		const run = await runNode({
			type: typeName('identomat'),
			parameters: {
				resource: 'session',
				operation: 'begin',
				flags: { return_url: returnUrl(host) },
				steps: { step: [{ type: 'liveness' }] },
			},
			credentials: credentials(sandbox()),
		});
		expect(run.error).toBeUndefined();
		return run.items[0].json.widget_url as string;
	}

	it('follows the person from the widget back, reads the result server-side, emits it once and redirects', async () => {
		const sb = sandbox();
		const host = await startHost({
			source: 'browserReturn',
			redirectUrl: 'https://example.com/thanks',
		});
		const widget = await beginTo(host);
		// The widget stand-in completes the session and sends the browser to return_url. Identomat does not
		// document that it appends the session token, which this mode needs: the sandbox does so only by name.
		sb.identomat.setConfig({ returnUrlTokenParameter: 'session_token' });
		const done = await axios.get(`${widget}&complete=approved`, {
			maxRedirects: 0,
			validateStatus: () => true,
		});
		expect(done.status).toBe(302);
		const back = done.headers.location as string;
		expect(back.startsWith(`${returnUrl(host)}?session_token=`)).toBe(true);
		const landing = await axios.get(back, { maxRedirects: 0, validateStatus: () => true });
		expect(landing.status).toBe(302);
		expect(landing.headers.location).toBe('https://example.com/thanks');
		const [run] = await host.waitForExecutions(1);
		const item = run.output(OUT)[0].json;
		const token = new URL(back).searchParams.get('session_token');
		expect(item).toMatchObject({
			session_token: token,
			result: 'approved',
			verification: { status: 'verified', ids: { sessionToken: token } },
		});
		// A second visit with the same decided session starts nothing.
		expect((await axios.get(back, { maxRedirects: 0, validateStatus: () => true })).status).toBe(
			302,
		);
		expect(host.executions).toHaveLength(1);
	});

	it('never trusts the browser: a forged or unknown token only gets the redirect', async () => {
		const sb = sandbox();
		const host = await startHost({
			source: 'browserReturn',
			redirectUrl: 'https://example.com/thanks',
		});
		for (const query of [
			'session_token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&result=approved',
			'session_token=%3Cscript%3E',
			'',
		]) {
			const r = await axios.get(`${returnUrl(host)}?${query}`, {
				maxRedirects: 0,
				validateStatus: () => true,
			});
			expect(r.status).toBe(302);
		}
		expect(host.executions).toHaveLength(0);
		expect(sb.requests('identomat').filter((r: IDataObject) => r.path === '/result/')).toHaveLength(
			1,
		);
	});

	it('with Only Decided Results, an early return starts nothing; without a redirect page it thanks the person', async () => {
		const sb = sandbox();
		const host = await startHost({ source: 'browserReturn', onlyDecided: true });
		const widget = await beginTo(host);
		const done = await axios.get(`${widget}&complete=inProgress`, {
			maxRedirects: 0,
			validateStatus: () => true,
		});
		const landing = await axios.get(done.headers.location as string, {
			validateStatus: () => true,
		});
		expect(landing.status).toBe(200);
		expect(landing.data).toMatch(/Thank you/);
		expect(host.executions).toHaveLength(0);
		expect(sb.identomat.sessions.size).toBe(1);
	});

	it('without a redirect page, the person lands on a small accessible HTML page with the text the workflow sets (escaped)', async () => {
		const host = await startHost({
			source: 'browserReturn',
			pageText: 'Danke, <Ada>!\n\nWe will email you.',
		});
		const widget = await beginTo(host);
		sandbox().identomat.setConfig({ returnUrlTokenParameter: 'session_token' });
		const done = await axios.get(`${widget}&complete=approved`, {
			maxRedirects: 0,
			validateStatus: () => true,
		});
		const landing = await axios.get(done.headers.location as string, {
			validateStatus: () => true,
		});
		expect(landing.status).toBe(200);
		expect(landing.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
		const html = String(landing.data);
		expect(html).toMatch(/^<!doctype html><html lang="en">/);
		expect(html).toContain('<meta name="viewport"');
		expect(html).toContain('<title>Danke, &lt;Ada&gt;!</title>');
		expect(html).toContain(
			'<main role="main"><p>Danke, &lt;Ada&gt;!</p><p>We will email you.</p></main>',
		);
		expect(html).toContain('prefers-color-scheme:dark');
		expect(html).not.toContain('<Ada>');
		expect(host.executions).toHaveLength(1);
	});
});
