import axios from 'axios';
import * as http from 'http';
import type { AddressInfo } from 'net';

import { createIdv, DISABLED_SETUP_ID, directToken, KYC_SETUP_ID, sandbox } from './helpers';

const raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
const form = (data: Record<string, string>) => new URLSearchParams(data).toString();

function receiver(status = 200) {
	const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.statusCode = status;
			res.end();
		});
	});
	return new Promise<{ url: string; received: typeof received; close: () => Promise<void> }>(
		(resolve) =>
			server.listen(0, '127.0.0.1', () =>
				resolve({
					url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
					received,
					close: () => new Promise((r) => server.close(() => r())),
				}),
			),
	);
}

describe('Ondato sandbox', () => {
	let sb: any;
	beforeAll(async () => {
		sb = await sandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.problems).toEqual([]));

	describe('token server', () => {
		it('issues client-credentials tokens and counts every token request', async () => {
			const c = sb.ondato.credentials;
			const ok = await raw.post(
				c.tokenUrl,
				form({
					client_id: c.clientId,
					client_secret: c.clientSecret,
					grant_type: 'client_credentials',
				}),
			);
			expect(ok.status).toBe(200);
			expect(ok.data).toMatchObject({
				token_type: 'Bearer',
				expires_in: 3600,
				scope: 'idv_api kyc_identifications_api',
			});
			expect(ok.data.access_token).toMatch(/^[0-9a-f]{64}$/);
			const basic = await raw.post(c.tokenUrl, form({ grant_type: 'client_credentials' }), {
				auth: { username: c.clientId, password: c.clientSecret },
			});
			expect(basic.status).toBe(200);
			const json = await raw.post(c.tokenUrl, {
				client_id: c.clientId,
				client_secret: c.clientSecret,
				grant_type: 'client_credentials',
			});
			expect([json.status, json.data.error]).toEqual([400, 'invalid_request']);
			const grant = await raw.post(
				c.tokenUrl,
				form({ client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'password' }),
			);
			expect([grant.status, grant.data.error]).toEqual([400, 'unsupported_grant_type']);
			const bad = await raw.post(
				c.tokenUrl,
				form({ client_id: c.clientId, client_secret: 'nope', grant_type: 'client_credentials' }),
			);
			expect([bad.status, bad.data]).toEqual([400, { error: 'invalid_client' }]);
			sb.ondato.setConfig({ invalidClientStatus: 401 });
			expect(
				(
					await raw.post(
						c.tokenUrl,
						form({ client_id: 'x', client_secret: 'y', grant_type: 'client_credentials' }),
					)
				).status,
			).toBe(401);
			const scope = await raw.post(
				c.tokenUrl,
				form({
					client_id: c.clientId,
					client_secret: c.clientSecret,
					grant_type: 'client_credentials',
					scope: 'kyc_identifications_api',
				}),
			);
			expect(scope.data.scope).toBe('kyc_identifications_api');
			expect(sb.ondato.tokenRequests).toBe(7);
			expect(sb.ondato.tokensIssued).toBe(3);
			expect((await raw.get(`${sb.url}/_control/ondato/tokens`)).data).toEqual({
				requests: 7,
				issued: 3,
			});
		});
	});

	describe('API authentication', () => {
		it('answers 401 without or with an expired token, and 403 without the scope', async () => {
			const url = `${sb.ondato.idvApiUrl}/v1/identity-verification-setups/filter`;
			const none = await raw.post(url, {});
			expect(none.status).toBe(401);
			expect(none.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
			const token = await directToken(sb);
			expect(
				(await raw.post(url, {}, { headers: { Authorization: `Bearer ${token}` } })).status,
			).toBe(200);
			sb.advanceClock(3601 * 1000);
			expect(
				(await raw.post(url, {}, { headers: { Authorization: `Bearer ${token}` } })).status,
			).toBe(401);
			// A KYC-only token cannot call the IDV API.
			const kycOnly = await directToken(sb, { scope: 'kyc_identifications_api' });
			expect(
				(await raw.post(url, {}, { headers: { Authorization: `Bearer ${kycOnly}` } })).status,
			).toBe(403);
			// A read-only client can read but not create.
			const c = sb.ondato.config.clients[1];
			const ro = (
				await raw.post(
					sb.ondato.tokenUrl,
					form({
						client_id: c.clientId,
						client_secret: c.clientSecret,
						grant_type: 'client_credentials',
					}),
				)
			).data.access_token;
			expect((await raw.post(url, {}, { headers: { Authorization: `Bearer ${ro}` } })).status).toBe(
				200,
			);
			expect(
				(
					await raw.post(
						`${sb.ondato.idvApiUrl}/v1/identity-verifications`,
						{ setupId: KYC_SETUP_ID },
						{ headers: { Authorization: `Bearer ${ro}` } },
					)
				).status,
			).toBe(403);
		});
	});

	describe('IDV API', () => {
		let auth: { headers: { Authorization: string } };
		beforeEach(async () => {
			auth = { headers: { Authorization: `Bearer ${await directToken(sb)}` } };
		});

		it('validates the create body as ProblemDetails, or {message} when configured', async () => {
			const url = `${sb.ondato.idvApiUrl}/v1/identity-verifications`;
			const missing = await raw.post(url, { externalReferenceId: 'x' }, auth);
			expect(missing.status).toBe(400);
			expect(missing.data).toMatchObject({
				title: 'One or more validation errors occurred.',
				status: 400,
				errors: { SetupId: ['The SetupId field is required.'] },
			});
			const disabled = await raw.post(url, { setupId: DISABLED_SETUP_ID }, auth);
			expect(disabled.data.errors).toEqual({ SetupId: ['Setup is disabled.'] });
			const reg = await raw.post(
				url,
				{
					setupId: KYC_SETUP_ID,
					registration: {
						email: 'nope',
						countryCode: 'LTU',
						phoneNumber: '370624515141',
						dateOfBirth: '14/01/2001',
					},
				},
				auth,
			);
			expect(Object.keys(reg.data.errors).sort()).toEqual([
				'Registration.CountryCode',
				'Registration.DateOfBirth',
				'Registration.Email',
				'Registration.PhoneNumber',
			]);
			sb.ondato.setConfig({ phoneNumberType: 'any', errorShape: 'plain' });
			expect(
				(
					await raw.post(
						url,
						{ setupId: KYC_SETUP_ID, registration: { phoneNumber: '370624515141' } },
						auth,
					)
				).status,
			).toBe(201);
			const plain = await raw.post(url, {}, auth);
			expect(plain.data).toEqual({ message: 'SetupId: The SetupId field is required.' });
		});

		it('creates (with or without the trailing slash), reads, and 404s unknown ids', async () => {
			const created = await raw.post(
				`${sb.ondato.idvApiUrl}/v1/identity-verifications/`,
				{ setupId: KYC_SETUP_ID, externalReferenceId: 'ref-1' },
				auth,
			);
			expect(created.status).toBe(201);
			expect(Object.keys(created.data)).toEqual(['id']);
			const got = await raw.get(
				`${sb.ondato.idvApiUrl}/v1/identity-verifications/${created.data.id}`,
				auth,
			);
			expect(got.data).toMatchObject({
				id: created.data.id,
				status: 'Pending',
				externalReferenceId: 'ref-1',
				setup: { id: KYC_SETUP_ID },
				step: { documentSignatures: [], forms: [] },
			});
			expect(
				(
					await raw.get(
						`${sb.ondato.idvApiUrl}/v1/identity-verifications/11111111-2222-4333-8444-555555555555`,
						auth,
					)
				).data,
			).toMatchObject({ status: 404, title: 'Not Found' });
			expect(
				(await raw.get(`${sb.ondato.idvApiUrl}/v1/identity-verifications/not-a-guid`, auth)).status,
			).toBe(404);
			const loc = await raw.put(
				`${sb.ondato.idvApiUrl}/v1/identity-verifications/${created.data.id}/setup-localisations`,
				{ defaultLanguage: 'en', localisationSettings: [] },
				auth,
			);
			expect(loc.status).toBe(204);
		});

		it('validates the filter query and pages with the configured offset parameter', async () => {
			const url = `${sb.ondato.idvApiUrl}/v1/identity-verification-setups/filter`;
			expect((await raw.post(url, undefined, { headers: { ...auth.headers } })).status).toBe(400);
			expect((await raw.post(`${url}?limit=0`, {}, auth)).data.errors).toHaveProperty('limit');
			expect((await raw.post(`${url}?orderDirection=Up`, {}, auth)).data.errors).toHaveProperty(
				'orderDirection',
			);
			expect((await raw.post(`${url}?orderBy=Colour`, {}, auth)).data.errors).toHaveProperty(
				'orderBy',
			);
			const page = await raw.post(
				`${url}?limit=2&offset=1&orderBy=Name&orderDirection=Asc`,
				{},
				auth,
			);
			expect(Array.isArray(page.data)).toBe(true);
			expect(page.data.map((s: any) => s.name)).toEqual([
				'KYC onboarding',
				'Legacy onboarding (disabled)',
			]);
			sb.ondato.setConfig({ offsetParam: 'skip' });
			expect((await raw.post(`${url}?limit=1&offset=1&orderBy=Name`, {}, auth)).data[0].name).toBe(
				'Face authentication',
			);
		});
	});

	describe('hosted flow, KYC API and webhooks', () => {
		it('moves a session through the hosted page in the documented order only', async () => {
			const id = await createIdv(sb);
			const page = `${sb.ondato.hostedUrl}/?id=${id}`;
			expect(
				(await raw.get(`${sb.ondato.hostedUrl}/?id=11111111-2222-4333-8444-555555555555`)).status,
			).toBe(404);
			expect((await raw.post(page, form({ action: 'approve' }))).status).toBe(409);
			expect((await raw.post(page, form({ action: 'process' }))).status).toBe(409);
			expect((await raw.post(page, form({ action: 'consent' }))).status).toBe(303);
			expect((await raw.post(page, form({ action: 'consent' }))).status).toBe(409);
			expect((await raw.post(page, form({ action: 'process' }))).status).toBe(303);
			expect((await raw.post(page, form({ action: 'reject' }))).status).toBe(303);
			expect((await raw.get(page)).data).toContain('This verification is finished');
			const kyc = sb.ondato.kycOf(id);
			expect(kyc).toMatchObject({
				status: 'Rejected',
				statusReason: 'UnrelatedPhotoSubmit',
				identityVerificationId: id,
			});
			expect((await raw.post(page, form({ action: 'expire' }))).status).toBe(409);
		});

		it('serves files only for their identification, with a configurable content type', async () => {
			const id = await createIdv(sb);
			sb.ondato.complete(id, {});
			const kyc = sb.ondato.kycOf(id);
			const other = await createIdv(sb);
			sb.ondato.complete(other, {});
			const auth = { headers: { Authorization: `Bearer ${await directToken(sb)}` } };
			const base = `${sb.ondato.kycApiUrl}/v1/identifications`;
			const file = await raw.get(`${base}/${kyc.id}/files/${kyc.document.files[0].fileId}`, {
				...auth,
				responseType: 'arraybuffer',
			});
			expect([file.status, file.headers['content-type']]).toEqual([200, 'image/jpeg']);
			const foreign = sb.ondato.kycOf(other).document.files[0].fileId;
			expect((await raw.get(`${base}/${kyc.id}/files/${foreign}`, auth)).status).toBe(404);
			sb.ondato.setConfig({ fileContentType: 'image/png' });
			expect(
				(await raw.get(`${base}/${kyc.id}/files/${kyc.document.files[0].fileId}`, auth)).headers[
					'content-type'
				],
			).toBe('image/png');
			const filtered = await raw.post(
				`${base}/filter?limit=1`,
				{ applicationId: sb.ondato.config.applicationId },
				{ headers: { ...auth.headers, 'Return-Total-Count': 'true' } },
			);
			expect([filtered.data.length, filtered.headers['x-total-count']]).toEqual([1, '2']);
			// The IDV API token scope is not enough for the KYC API.
			const idvOnly = await directToken(sb, { scope: 'idv_api' });
			expect(
				(await raw.get(`${base}/${kyc.id}`, { headers: { Authorization: `Bearer ${idvOnly}` } }))
					.status,
			).toBe(403);
		});

		it('registers subscriptions out of band, delivers with Basic auth, retries and logs per session', async () => {
			const hook = await receiver(500);
			try {
				const refused = await raw.post(`${sb.url}/_control/ondato/webhooks`, { url: hook.url });
				expect(refused.status).toBe(400);
				const sub = await raw.post(`${sb.url}/_control/ondato/webhooks`, {
					url: hook.url,
					basic: { username: 'u', password: 'p' },
					events: ['IdentityVerification.Consented'],
				});
				expect(sub.status).toBe(201);
				expect(sub.data).toMatchObject({
					url: hook.url,
					auth: ['basic'],
					events: ['IdentityVerification.Consented'],
				});
				sb.ondato.setConfig({ webhookMaxAttempts: 3 });
				const id = await createIdv(sb);
				await raw.post(`${sb.url}/_control/ondato/identity-verifications/${id}/consent`);
				await sb.ondato.waitForDeliveries(3, 5000);
				expect(hook.received).toHaveLength(3);
				expect(hook.received[0].headers.authorization).toBe(
					`Basic ${Buffer.from('u:p').toString('base64')}`,
				);
				const body = JSON.parse(hook.received[0].body);
				expect(Object.keys(body)).toEqual([
					'id',
					'applicationId',
					'createdUtc',
					'deliveredUtc',
					'isDelivered',
					'payload',
					'type',
				]);
				expect(body).toMatchObject({
					type: 'IdentityVerification.Consented',
					payload: { id, status: 'InProgress', step: { consent: { isConsented: true } } },
				});
				expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
				const auth = { headers: { Authorization: `Bearer ${await directToken(sb)}` } };
				const log = await raw.get(
					`${sb.ondato.idvApiUrl}/v1/identity-verifications/${id}/webhooks`,
					auth,
				);
				expect(log.data).toEqual([
					expect.objectContaining({
						id: body.id,
						type: 'IdentityVerification.Consented',
						isDelivered: false,
						attempts: 3,
					}),
				]);
			} finally {
				await hook.close();
			}
		});

		it('signs with the UNCONFIRMED HMAC scheme when a subscription asks for it', async () => {
			const hook = await receiver(200);
			try {
				sb.ondato.registerWebhook({
					url: hook.url,
					hmac: { secret: 's3cret' },
					events: ['KycIdentification.Created'],
				});
				sb.ondato.consent(await createIdv(sb));
				await sb.ondato.waitForDeliveries(1, 5000);
				const header = String(hook.received[0].headers['ondato-signature']);
				const [, t, s] = /^t=(\d+), s=([0-9a-f]{64})$/.exec(header)!;
				expect(s).toBe(sb.ondato.signature('s3cret', t, hook.received[0].body));
				expect(hook.received[0].headers.authorization).toBeUndefined();
			} finally {
				await hook.close();
			}
		});

		it('controls: config, session actions and subscriptions by HTTP; the hosted page refuses unknown actions', async () => {
			const control = `${sb.url}/_control/ondato`;
			expect((await raw.get(`${control}/config`)).data.envelopeCasing).toBe('camel');
			const patched = await raw.patch(`${control}/config`, { rejectReason: 'Other' });
			expect(patched.data).toMatchObject({ rejectReason: 'Other', envelopeCasing: 'camel' });
			const id = await createIdv(sb);
			const unknown = await raw.post(`${control}/identity-verifications/${id}/dance`, {});
			expect([unknown.status, unknown.data]).toEqual([404, { error: 'unknown action dance' }]);
			const missing = await raw.post(
				`${control}/identity-verifications/11111111-2222-4333-8444-555555555555/consent`,
				{},
			);
			expect(missing.status).toBe(404);
			const done = await raw.post(`${control}/identity-verifications/${id}/complete`, {
				outcome: 'rejected',
			});
			expect(done.data.status).toBe('Completed');
			expect(sb.ondato.kycOf(id).statusReason).toBe('Other');
			expect((await raw.delete(`${control}/webhooks/nope`)).status).toBe(404);
			const noAuth = await raw.post(`${control}/webhooks`, { url: 'http://127.0.0.1:1/x' });
			expect(noAuth.status).toBe(400);
			const page = `${sb.ondato.hostedUrl}/?id=${await createIdv(sb)}`;
			const bad = await raw.post(page, form({ action: 'dance' }));
			expect([bad.status, bad.data]).toEqual([400, expect.stringContaining('Unknown action')]);
		});

		it('shapes injected faults like the API', async () => {
			sb.faults.add({ provider: 'ondato', path: '/idvapi/', status: 429, retryAfter: 2 });
			const r = await raw.get(`${sb.ondato.idvApiUrl}/v1/identity-verifications/x`);
			expect(r.status).toBe(429);
			expect(r.headers['retry-after']).toBe('2');
			expect(r.data).toMatchObject({ status: 429, title: 'Too Many Requests' });
		});
	});
});
