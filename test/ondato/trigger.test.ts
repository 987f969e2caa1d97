import axios from 'axios';
import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { createIdv, sandbox } from './helpers';

const WEBHOOK_USER = 'ondato-hooks';
const WEBHOOK_PASSWORD = 'hook-password-123';
const SIGNING_SECRET = 'whsec-ondato-test';

describe('Ondato Trigger', () => {
	let sb: any;
	let host: WebhookHost;
	beforeAll(async () => {
		sb = await sandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());
	afterEach(async () => {
		await host?.stop();
		expect(sb.problems).toEqual([]);
	});

	async function startTrigger(
		parameters: Record<string, unknown> = {},
		credentialExtra: Record<string, unknown> = {},
	) {
		const helper = credentialsHelperWith({
			ondatoApi: {
				...sb.ondato.credentials,
				webhookUsername: WEBHOOK_USER,
				webhookPassword: WEBHOOK_PASSWORD,
				webhookSigningSecret: SIGNING_SECRET,
				...credentialExtra,
			},
		});
		const trigger = packageNode(
			'Ondato Trigger',
			typeName('ondatoTrigger'),
			{ events: ['*'], authentication: 'basicAuth', ...parameters },
			{
				webhookId: 'ondato-hook',
				credentials: { ondatoApi: { id: 'ondatoApi', name: 'ondatoApi' } },
			},
		);
		const workflow = buildWorkflow({ nodes: [trigger], connections: {} });
		host = await new WebhookHost(workflow, helper).start();
		await host.activate();
		return { url: host.webhookUrl('Ondato Trigger'), workflow };
	}

	const emitted = () => host.executions.map((e) => e.output('Ondato Trigger')[0]?.json as any);

	it('emits the documented sequence of a session, authenticated with HTTP Basic, with verdicts', async () => {
		const { url, workflow } = await startTrigger();
		expect(url).toBe(`${host.baseUrl}/webhook/ondato-hook/webhook`);
		expect(workflow.staticData).toBeDefined();
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
		});
		const id = await createIdv(sb);
		sb.ondato.complete(id, { outcome: 'approved' });
		await host.waitForExecutions(5);
		await sb.ondato.waitForDeliveries(5, 5000);
		const out = emitted();
		expect(out.map((o) => o.type)).toEqual([
			'IdentityVerification.Consented',
			'KycIdentification.Created',
			'KycIdentification.Processed',
			'KycIdentification.Approved',
			'IdentityVerification.StatusChanged',
		]);
		expect(out[0]).toMatchObject({
			event: 'IdentityVerification.Consented',
			applicationId: sb.ondato.config.applicationId,
			isDelivered: true,
			payload: { id, status: 'InProgress' },
		});
		expect(out[0].verification).toMatchObject({
			status: 'in_progress',
			providerStatus: 'InProgress',
		});
		expect(out[3].verification).toMatchObject({ status: 'verified', providerStatus: 'Approved' });
		expect(out[4].verification).toMatchObject({
			status: 'needs_review',
			providerStatus: 'Completed',
		});
		// Raw payload untouched: exactly what the sandbox sent.
		const sent = sb.ondato.deliveries.map((d: any) => JSON.parse(d.body));
		expect(out.map((o) => o.payload)).toEqual(sent.map((s: any) => s.payload));
		expect(out.map((o) => o.id)).toEqual(sent.map((s: any) => s.id));
		expect(host.deliveries.every((d) => d.status === 200)).toBe(true);
		expect(sb.ondato.deliveries.every((d: any) => d.headers.Authorization === '[redacted]')).toBe(
			true,
		);
	});

	it('refuses a wrong password with 401 and starts nothing; the sandbox retries', async () => {
		const { url } = await startTrigger();
		sb.ondato.setConfig({ webhookMaxAttempts: 3 });
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: 'wrong' },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.consent(await createIdv(sb));
		await sb.ondato.waitForDeliveries(3, 5000);
		expect(sb.ondato.deliveries.map((d: any) => [d.attempt, d.status])).toEqual([
			[1, 401],
			[2, 401],
			[3, 401],
		]);
		expect(host.deliveries.every((d) => d.status === 401 && !d.started)).toBe(true);
		expect(host.executions).toHaveLength(0);
		// Without any Authorization header, and with a good user but no password configured, the same.
		const noAuth = await axios.post(
			url,
			{ id: 'x', type: 'Form.Created', payload: {} },
			{ validateStatus: () => true },
		);
		expect(noAuth.status).toBe(401);
		expect(noAuth.headers['www-authenticate']).toMatch(/^Basic/);
	});

	it('retries a failing subscription without holding up another one', async () => {
		const { url } = await startTrigger({ authentication: 'basicAuth' });
		sb.ondato.registerWebhook({
			url: `${url}-missing`,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.setConfig({ webhookMaxAttempts: 2 });
		sb.ondato.consent(await createIdv(sb));
		await host.waitForExecutions(1);
		await sb.ondato.waitForDeliveries(3, 5000);
		const missing = sb.ondato.deliveries.filter((d: any) => d.url.endsWith('-missing'));
		expect(missing.map((d: any) => d.status)).toEqual([404, 404]);
		expect(host.executions).toHaveLength(1);
	});

	it('checks the optional HMAC signature (UNCONFIRMED scheme) and refuses a wrong one', async () => {
		const { url } = await startTrigger({ authentication: 'hmac' });
		sb.ondato.setConfig({ webhookMaxAttempts: 1 });
		sb.ondato.registerWebhook({
			url,
			hmac: { secret: SIGNING_SECRET },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.registerWebhook({
			url,
			hmac: { secret: 'another-secret' },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.consent(await createIdv(sb));
		await sb.ondato.waitForDeliveries(2, 5000);
		await host.waitForExecutions(1);
		const byStatus = sb.ondato.deliveries.map((d: any) => d.status).sort();
		expect(byStatus).toEqual([200, 401]);
		expect(host.executions).toHaveLength(1);
		expect(sb.ondato.deliveries[0].headers['Ondato-Signature']).toMatch(/^t=\d+, s=[0-9a-f]{64}$/);

		// Hand-made deliveries: a stale timestamp and a tampered body are refused.
		const body = JSON.stringify({
			id: 'c0ffee00-0000-4000-8000-000000000001',
			type: 'Form.Created',
			payload: { id: 'f1', status: 'Unfinished' },
		});
		const t = Math.floor(Date.now() / 1000);
		const sig = (ts: number, raw: string) =>
			createHmac('sha256', SIGNING_SECRET).update(`${ts}.${raw}`).digest('hex');
		const post = (headers: Record<string, string>, raw = body) =>
			axios.post(url, raw, {
				headers: { 'Content-Type': 'application/json', ...headers },
				validateStatus: () => true,
			});
		expect(
			(await post({ 'Ondato-Signature': `t=${t - 26 * 3600}, s=${sig(t - 26 * 3600, body)}` }))
				.status,
		).toBe(401);
		expect(
			(
				await post(
					{ 'Ondato-Signature': `t=${t}, s=${sig(t, body)}` },
					body.replace('Unfinished', 'Completed'),
				)
			).status,
		).toBe(401);
		expect((await post({})).status).toBe(401);
		expect((await post({ 'Ondato-Signature': `t=${t}, s=${sig(t, body)}` })).status).toBe(200);
		await host.waitForExecutions(2);
		expect(emitted()[1]).toMatchObject({ type: 'Form.Created', payload: { id: 'f1' } });
		expect(emitted()[1].verification).toBeUndefined();
	});

	it('requires both checks when Basic and HMAC are chosen', async () => {
		const { url } = await startTrigger({ authentication: 'basicAuthAndHmac' });
		sb.ondato.setConfig({ webhookMaxAttempts: 1 });
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			hmac: { secret: SIGNING_SECRET },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.consent(await createIdv(sb));
		await sb.ondato.waitForDeliveries(2, 5000);
		await host.waitForExecutions(1);
		expect(sb.ondato.deliveries.map((d: any) => d.status).sort()).toEqual([200, 401]);
		expect(host.executions).toHaveLength(1);
	});

	it('parses a PascalCase envelope', async () => {
		const { url } = await startTrigger();
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			casing: 'pascal',
			events: ['KycIdentification.*'],
		});
		const id = await createIdv(sb);
		sb.ondato.complete(id, { outcome: 'rejected' });
		await host.waitForExecutions(3);
		await sb.ondato.waitForDeliveries(3, 5000);
		const raw = JSON.parse(sb.ondato.deliveries[0].body);
		expect(Object.keys(raw)).toEqual([
			'Id',
			'ApplicationId',
			'CreatedUtc',
			'DeliveredUtc',
			'IsDelivered',
			'Payload',
			'Type',
		]);
		const out = emitted();
		expect(out.map((o) => o.type)).toEqual([
			'KycIdentification.Created',
			'KycIdentification.Processed',
			'KycIdentification.Rejected',
		]);
		expect(out[2]).toMatchObject({
			id: JSON.parse(sb.ondato.deliveries[2].body).Id,
			payload: { status: 'Rejected', identityVerificationId: id },
		});
		expect(out[2].verification).toMatchObject({
			status: 'rejected',
			reasons: [
				{ code: 'UnrelatedPhotoSubmit', text: 'An unrelated photo was submitted' },
				expect.anything(),
			],
		});
	});

	it('emits a duplicated delivery once', async () => {
		const { url, workflow } = await startTrigger();
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			duplicates: 2,
		});
		const id = await createIdv(sb);
		sb.ondato.consent(id);
		await sb.ondato.waitForDeliveries(6, 5000);
		await host.waitForExecutions(2);
		await new Promise((r) => setTimeout(r, 100));
		expect(sb.ondato.deliveries.filter((d: any) => d.ok)).toHaveLength(6);
		expect(host.executions).toHaveLength(2);
		expect(emitted().map((o) => o.type)).toEqual([
			'IdentityVerification.Consented',
			'KycIdentification.Created',
		]);
		expect(host.deliveries.filter((d) => d.started)).toHaveLength(2);
		expect(host.deliveries.filter((d) => d.responseBody.includes('duplicate'))).toHaveLength(4);
		// The durable record (saved with the execution that wrote it) names emitted envelopes only.
		const stored = (
			workflow.getStaticData('node', workflow.getNode('Ondato Trigger')!) as {
				deliveries: IDataObject;
			}
		).deliveries;
		const keys = emitted().map((o) => o.deliveryKey);
		expect(Object.keys(stored).length).toBeGreaterThanOrEqual(1);
		expect(Object.keys(stored).every((key) => keys.includes(key))).toBe(true);
	});

	it('filters by event type, accepting the legacy Idv.* names', async () => {
		const { url } = await startTrigger({ events: ['IdentityVerification.StatusChanged'] });
		sb.ondato.setConfig({ legacyEventNames: true });
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
		});
		const id = await createIdv(sb);
		sb.ondato.complete(id, {});
		await sb.ondato.waitForDeliveries(5, 5000);
		await host.waitForExecutions(1);
		await new Promise((r) => setTimeout(r, 50));
		expect(sb.ondato.deliveries.map((d: any) => d.type)).toContain('Idv.StatusChanged');
		expect(host.executions).toHaveLength(1);
		expect(emitted()[0]).toMatchObject({
			type: 'Idv.StatusChanged',
			event: 'IdentityVerification.StatusChanged',
		});
	});

	it('fetches the current state when deliveries arrive out of order', async () => {
		const { url } = await startTrigger({ options: { fetchCurrentState: true } });
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			outOfOrder: true,
			events: ['IdentityVerification.*', 'KycIdentification.Approved'],
		});
		const id = await createIdv(sb);
		sb.ondato.complete(id, { outcome: 'approved' });
		await host.waitForExecutions(3);
		const out = emitted();
		// Reversed within each batch: Consented ... then StatusChanged before Approved.
		const types = out.map((o) => o.type);
		expect(types.indexOf('IdentityVerification.StatusChanged')).toBeLessThan(
			types.indexOf('KycIdentification.Approved'),
		);
		const consented = out.find((o) => o.type === 'IdentityVerification.Consented');
		expect(consented.payload.status).toBe('InProgress');
		expect(consented.currentState.status).toBe('Completed');
		expect(consented.kycIdentification.status).toBe('Approved');
		expect(consented.verification).toMatchObject({
			status: 'verified',
			providerStatus: 'Approved',
		});
		const reads = sb.requests('ondato').filter((r: any) => r.method === 'GET');
		expect(reads.length).toBeGreaterThanOrEqual(5);
	});

	it('answers 503 (so Ondato retries) when the current state cannot be read, and emits on the retry', async () => {
		const { url } = await startTrigger({
			options: { fetchCurrentState: true },
			events: ['IdentityVerification.Consented'],
		});
		sb.ondato.registerWebhook({
			url,
			basic: { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD },
			events: ['IdentityVerification.Consented'],
		});
		const id = await createIdv(sb);
		sb.faults.add({
			provider: 'ondato',
			method: 'GET',
			path: `/idvapi/v1/identity-verifications/${id}`,
			status: 404,
			times: 1,
		});
		sb.ondato.consent(id);
		await host.waitForExecutions(1);
		await sb.ondato.waitForDeliveries(2, 5000);
		expect(sb.ondato.deliveries.map((d: any) => d.status)).toEqual([503, 200]);
		expect(emitted()[0].currentState.id).toBe(id);
	});

	it('refuses a body that is not an envelope with 400 and changes nothing at Ondato on activation', async () => {
		const { url } = await startTrigger();
		const auth = { username: WEBHOOK_USER, password: WEBHOOK_PASSWORD };
		const bad = await axios.post(url, { hello: 'world' }, { auth, validateStatus: () => true });
		expect(bad.status).toBe(400);
		expect(host.executions).toHaveLength(0);
		// One answer per webhook (deliveries and the OAuth2 token URL).
		expect(await host.runWebhookMethod('checkExists')).toEqual([true, true]);
		await host.deactivate();
		// Nothing to register or remove at Ondato: the lifecycle never calls the API.
		expect(await host.runWebhookMethod('checkExists')).toEqual([true, true]);
		expect(sb.requests('ondato')).toHaveLength(0);
	});

	describe('OAuth2 delivery mode (Ondato fetches a token from the trigger, then sends it as Bearer)', () => {
		const OAUTH = {
			webhookClientId: 'ondato-delivery-client',
			webhookClientSecret: 'oauth-delivery-secret-1234567890',
		};
		const tokenUrl = () => `${host.baseUrl}/webhook/ondato-hook/token`;
		const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
		const raw = axios.create({ validateStatus: () => true });

		it("the sandbox gets a token at the trigger's token URL and every delivery with it runs once", async () => {
			const { url } = await startTrigger({ authentication: 'oAuth2' }, OAUTH);
			sb.ondato.registerWebhook({
				url,
				oauth2: {
					clientId: OAUTH.webhookClientId,
					clientSecret: OAUTH.webhookClientSecret,
					tokenUrl: tokenUrl(),
				},
			});
			const id = await createIdv(sb);
			sb.ondato.complete(id, { outcome: 'approved' });
			await host.waitForExecutions(5);
			await sb.ondato.waitForDeliveries(5, 5000);
			expect(sb.ondato.deliveries.map((d: any) => d.status)).toEqual([200, 200, 200, 200, 200]);
			// One token for the five deliveries (cached until expires_in).
			expect(sb.ondato.webhookTokenRequests).toEqual([
				expect.objectContaining({ status: 200, issued: true }),
			]);
			expect(emitted().map((o) => o.type)).toContain('KycIdentification.Approved');
		});

		it('refuses a wrong client secret at the token URL, and deliveries without a valid token, starting nothing', async () => {
			const { url } = await startTrigger({ authentication: 'oAuth2' }, OAUTH);
			sb.ondato.setConfig({ webhookMaxAttempts: 2 });
			sb.ondato.registerWebhook({
				url,
				oauth2: {
					clientId: OAUTH.webhookClientId,
					clientSecret: 'wrong-secret',
					tokenUrl: tokenUrl(),
				},
				events: ['IdentityVerification.Consented'],
			});
			sb.ondato.consent(await createIdv(sb));
			await sb.ondato.waitForDeliveries(2, 5000);
			expect(sb.ondato.webhookTokenRequests.map((t: any) => t.status)).toEqual([401, 401]);
			expect(sb.ondato.deliveries.map((d: any) => d.status)).toEqual([401, 401]);
			expect(host.executions).toHaveLength(0);

			const body = JSON.stringify({
				id: 'e1',
				type: 'IdentityVerification.Consented',
				payload: { id: 'x' },
			});
			const post = async (authorization?: string) =>
				(
					await raw.post(url, body, {
						headers: {
							'Content-Type': 'application/json',
							...(authorization ? { Authorization: authorization } : {}),
						},
					})
				).status;
			expect(await post()).toBe(401);
			expect(await post('Bearer 9999999999.abc.forged')).toBe(401);
			// A token issued with the right client works; the same token with its expiry changed does not.
			const issued = await raw.post(
				tokenUrl(),
				form({
					grant_type: 'client_credentials',
					client_id: OAUTH.webhookClientId,
					client_secret: OAUTH.webhookClientSecret,
				}),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			);
			expect(issued.status).toBe(200);
			expect(issued.data).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
			const [expiry, nonce, signature] = String(issued.data.access_token).split('.');
			expect(await post(`Bearer ${Number(expiry) + 1000}.${nonce}.${signature}`)).toBe(401);
			expect(await post(`Bearer ${issued.data.access_token}`)).toBe(200);
			await host.waitForExecutions(1);
			expect(host.executions).toHaveLength(1);
			// Client authentication with HTTP Basic (RFC 6749 §2.3.1) works too; other grants are refused.
			const basic = `Basic ${Buffer.from(`${OAUTH.webhookClientId}:${OAUTH.webhookClientSecret}`).toString('base64')}`;
			const viaBasic = await raw.post(tokenUrl(), form({ grant_type: 'client_credentials' }), {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic },
			});
			expect(viaBasic.status).toBe(200);
			const password = await raw.post(
				tokenUrl(),
				form({
					grant_type: 'password',
					client_id: OAUTH.webhookClientId,
					client_secret: OAUTH.webhookClientSecret,
				}),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			);
			expect(password.status).toBe(400);
			expect(password.data).toEqual({ error: 'unsupported_grant_type' });
			expect(JSON.stringify(host.deliveries)).not.toContain(OAUTH.webhookClientSecret);
		});

		it('the token URL answers nothing in the other modes, and a Basic trigger ignores Bearer tokens', async () => {
			const { url } = await startTrigger({ authentication: 'basicAuth' }, OAUTH);
			const token = await raw.post(
				tokenUrl(),
				form({
					grant_type: 'client_credentials',
					client_id: OAUTH.webhookClientId,
					client_secret: OAUTH.webhookClientSecret,
				}),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			);
			expect(token.status).toBe(404);
			const body = JSON.stringify({
				id: 'e2',
				type: 'IdentityVerification.Consented',
				payload: { id: 'x' },
			});
			expect(
				(
					await raw.post(url, body, {
						headers: { 'Content-Type': 'application/json', Authorization: 'Bearer 9999999999.a.b' },
					})
				).status,
			).toBe(401);
			expect(host.executions).toHaveLength(0);
		});
	});
});
