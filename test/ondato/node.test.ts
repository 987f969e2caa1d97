import axios from 'axios';

import { testCredential } from '../harness/credentialTest';
import { credentialsHelperWith, runNode, typeName } from '../harness/engine';
import {
	createIdv,
	DISABLED_SETUP_ID,
	FACE_SETUP_ID,
	KYC_SETUP_ID,
	ondatoRequests,
	sandbox,
} from './helpers';

const ONDATO = typeName('ondato');

describe('Ondato node against the sandbox', () => {
	let sb: any;
	beforeAll(async () => {
		sb = await sandbox();
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.problems).toEqual([]));

	const creds = () => ({ ondatoApi: sb.ondato.credentials });

	describe('credential', () => {
		it('passes the credential test with a token request and a setups call', async () => {
			const result = await testCredential('ondatoApi', sb.ondato.credentials);
			expect(result.status).toBe('OK');
			expect(sb.ondato.tokenRequests).toBe(1);
			const calls = ondatoRequests(sb, '/idvapi');
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatchObject({
				method: 'POST',
				path: '/idvapi/v1/identity-verification-setups/filter',
				query: { limit: '1' },
				status: 200,
			});
			const token = ondatoRequests(sb, '/id/')[0];
			expect(token.body).toMatchObject({
				grant_type: 'client_credentials',
				client_id: sb.ondato.credentials.clientId,
				client_secret: '[redacted]',
			});
			expect(token.body.scope).toBeUndefined();
		});

		it('fails the credential test with a wrong secret, without leaking it', async () => {
			const result = await testCredential('ondatoApi', {
				...sb.ondato.credentials,
				clientSecret: 'not-the-secret',
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Authorization failed/);
			expect(JSON.stringify(result)).not.toContain('not-the-secret');
			expect(ondatoRequests(sb, '/idvapi')).toHaveLength(0);
			expect(ondatoRequests(sb, '/id/').every((r) => r.status === 400)).toBe(true);
			// Through the node the reason is spelled out, still without the secret.
			const run = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'faceAuthentication',
					operation: 'get',
					faceAuthenticationId: '11111111-2222-4333-8444-555555555555',
				},
				credentials: { ondatoApi: { ...sb.ondato.credentials, clientSecret: 'not-the-secret' } },
			});
			expect(run.error?.message).toMatch(
				/^Ondato: The credentials were not accepted \(HTTP 401\): Ondato token request: the Client ID or Client Secret was refused \(invalid_client\)/,
			);
			expect(JSON.stringify(run.run.data)).not.toContain('not-the-secret');
			expect(ondatoRequests(sb, '/idvapi')).toHaveLength(0);
		});

		it('tests the values on the form: a token fetched with the right secret does not pass a wrong one', async () => {
			// A saved credential tested with the right secret keeps the token it fetched ...
			const helper = credentialsHelperWith(creds());
			const params = {
				resource: 'faceAuthentication',
				operation: 'get',
				faceAuthenticationId: '11111111-2222-4333-8444-555555555555',
			};
			await runNode({ type: ONDATO, parameters: params, credentials: helper });
			const accessToken = helper.store.get('ondatoApi')!.accessToken as string;
			expect(accessToken).toBeTruthy();
			expect(sb.ondato.tokenRequests).toBe(1);
			// ... and n8n merges that token into the form's values when the secret is changed and tested.
			const wrong = await testCredential('ondatoApi', {
				...sb.ondato.credentials,
				accessToken,
				clientSecret: 'not-the-secret',
			});
			expect(wrong.status).toBe('Error');
			expect(wrong.shown).toMatch(/invalid_client.*"Client Secret"/);
			expect(sb.ondato.tokenRequests).toBe(2);
			expect(ondatoRequests(sb, '/id/').pop()).toMatchObject({
				status: 400,
				body: { client_secret: '[redacted]' },
			});
			// The same values the token was fetched with reuse it: no new token request.
			const right = await testCredential('ondatoApi', { ...sb.ondato.credentials, accessToken });
			expect(right.status).toBe('OK');
			expect(sb.ondato.tokenRequests).toBe(2);
		});

		it('never sends a token fetched with other values: a changed client, secret, environment or token URL fetches a new one', async () => {
			const id = await createIdv(sb);
			const params = {
				resource: 'identityVerification',
				operation: 'get',
				identityVerificationId: id,
			};
			const changes: Array<Record<string, string>> = [
				{ clientSecret: 'not-the-secret' },
				{ clientId: 'another-client' },
				{ environment: 'production' },
				{ tokenUrl: `${sb.ondato.credentials.tokenUrl}?v=2` },
			];
			for (const change of changes) {
				const helper = credentialsHelperWith(creds());
				await runNode({ type: ONDATO, parameters: params, credentials: helper });
				const before = sb.ondato.tokenRequests;
				helper.set('ondatoApi', { ...helper.store.get('ondatoApi'), ...change });
				const result = await runNode({ type: ONDATO, parameters: params, credentials: helper });
				// The stored token is not sent (Ondato answers 401), and a new one is asked for with the new values.
				expect(sb.ondato.tokenRequests - before).toBe(1);
				if ('clientSecret' in change || 'clientId' in change)
					expect(result.error?.message).toMatch(/Client ID or Client Secret was refused/);
				else expect(result.error).toBeUndefined();
			}
		});

		it('sends the scope when one is set, and the sandbox refuses scopes the client does not have', async () => {
			const ok = await testCredential('ondatoApi', {
				...sb.ondato.credentials,
				scope: 'idv_api_readonly',
			});
			expect(ok.status).toBe('Error'); // the default client has idv_api, not the readonly scope
			expect(ondatoRequests(sb, '/id/')[0]).toMatchObject({
				status: 400,
				body: { scope: 'idv_api_readonly' },
			});
			sb.reset();
			const good = await testCredential('ondatoApi', {
				...sb.ondato.credentials,
				scope: 'idv_api',
			});
			expect(good.status).toBe('OK');
			expect(ondatoRequests(sb, '/id/')[0].body.scope).toBe('idv_api');
		});

		it('1,000 items cause one token request, counted by the sandbox token endpoint', async () => {
			const id = await createIdv(sb);
			const before = sb.ondato.tokenRequests; // the direct token of createIdv
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: id,
				},
				credentials: creds(),
				items: Array.from({ length: 1000 }, (_, i) => ({ i })),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1000);
			expect(result.items[999].json).toMatchObject({ id, status: 'Pending' });
			expect(result.items[999].pairedItem).toEqual({ item: 999 });
			expect(sb.ondato.tokenRequests - before).toBe(1);
			expect(
				ondatoRequests(sb, '/idvapi/v1/identity-verifications/').filter((r) => r.method === 'GET'),
			).toHaveLength(1000);
		});

		it('with Concurrency 5, still one token request: the first item runs alone and fetches it', async () => {
			const id = await createIdv(sb);
			const before = sb.ondato.tokenRequests;
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: id,
					requestOptions: { concurrency: 5 },
				},
				credentials: creds(),
				items: Array.from({ length: 50 }, (_, i) => ({ i })),
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				Array.from({ length: 50 }, (_, item) => ({ item })),
			);
			expect(sb.ondato.tokenRequests - before).toBe(1);
		});

		it('fetches a new token after the stored one expired (401), then reuses it', async () => {
			const id = await createIdv(sb);
			const helper = credentialsHelperWith(creds());
			const params = {
				resource: 'identityVerification',
				operation: 'get',
				identityVerificationId: id,
			};
			await runNode({ type: ONDATO, parameters: params, credentials: helper });
			const stored = helper.store.get('ondatoApi')!.accessToken;
			expect(stored).toBeTruthy();
			const base = sb.ondato.tokenRequests;
			sb.advanceClock((sb.ondato.config.tokenTtlSeconds + 1) * 1000);
			const result = await runNode({
				type: ONDATO,
				parameters: params,
				credentials: helper,
				items: [{}, {}, {}],
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(sb.ondato.tokenRequests - base).toBe(1);
			expect(helper.store.get('ondatoApi')!.accessToken).not.toBe(stored);
			const gets = ondatoRequests(sb, '/idvapi/v1/identity-verifications/');
			expect(gets.map((g) => g.status).slice(-4)).toEqual([401, 200, 200, 200]);
		});

		it('executions running at once when the token expired fetch one new token between them (as on one queue-mode worker)', async () => {
			const id = await createIdv(sb);
			const params = {
				resource: 'identityVerification',
				operation: 'get',
				identityVerificationId: id,
			};
			const first = credentialsHelperWith(creds());
			await runNode({ type: ONDATO, parameters: params, credentials: first });
			const stored = first.store.get('ondatoApi')!.accessToken;
			// Each execution loaded the credential, with the same stored token, before it expired.
			const helpers = [
				first,
				...Array.from({ length: 3 }, () =>
					credentialsHelperWith({ ondatoApi: { ...sb.ondato.credentials, accessToken: stored } }),
				),
			];
			const base = sb.ondato.tokenRequests;
			sb.advanceClock((sb.ondato.config.tokenTtlSeconds + 1) * 1000);
			const runs = await Promise.all(
				helpers.map((helper) =>
					runNode({ type: ONDATO, parameters: params, credentials: helper, items: [{}, {}] }),
				),
			);
			expect(runs.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
			expect(sb.ondato.tokenRequests - base).toBe(1);
			const renewed = helpers.map((helper) => helper.store.get('ondatoApi')!.accessToken);
			expect(new Set(renewed).size).toBe(1);
			expect(renewed[0]).not.toBe(stored);
		});
	});

	describe('Identity Verification', () => {
		it('creates with setup, external reference and registration, and returns the hosted URL', async () => {
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'list', value: KYC_SETUP_ID },
					externalReferenceId: 'user-123',
					registration: {
						dateOfBirth: '2001-01-14',
						email: 'John@email.com',
						firstName: 'John',
						lastName: 'Johnson',
						middleName: 'Adam',
						personalCode: '1214148111000',
						phoneNumber: '+370624515141',
						countryCode: 'lt',
					},
				},
				credentials: creds(),
			});
			expect(result.error).toBeUndefined();
			const out = result.items[0].json;
			expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
			expect(out.url).toBe(`${sb.ondato.hostedUrl}/?id=${out.id}`);
			expect(out).toMatchObject({ setupId: KYC_SETUP_ID, externalReferenceId: 'user-123' });
			const [sent] = ondatoRequests(sb, '/idvapi/v1/identity-verifications').filter(
				(r) => r.method === 'POST',
			);
			expect(sent.status).toBe(201);
			expect(sent.body).toEqual({
				setupId: KYC_SETUP_ID,
				externalReferenceId: 'user-123',
				registration: {
					dateOfBirth: '2001-01-14',
					email: 'John@email.com',
					firstName: 'John',
					lastName: 'Johnson',
					middleName: 'Adam',
					personalCode: '1214148111000',
					phoneNumber: 370624515141,
					countryCode: 'LT',
				},
			});
			// The hosted link really opens the session in the hosted-flow stand-in.
			const page = await axios.get(String(out.url));
			expect(page.data).toContain(String(out.id));
		});

		it('builds the production hosted URL when no override is set', async () => {
			const { hostedFlowUrl, ...rest } = sb.ondato.credentials;
			expect(hostedFlowUrl).toBeTruthy();
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: KYC_SETUP_ID },
				},
				credentials: { ondatoApi: { ...rest, environment: 'production' } },
			});
			expect(result.items[0].json.url).toBe(
				`https://idv.ondato.com/?id=${result.items[0].json.id}`,
			);
		});

		it('reads host overrides under Custom Hosts, ignores them with the switch off, and still applies those of credentials saved before it', async () => {
			const { tokenUrl, idvApiUrl, kycApiUrl, hostedFlowUrl, ...base } = sb.ondato.credentials;
			const custom = {
				customTokenUrl: tokenUrl,
				customIdvApiUrl: idvApiUrl,
				customKycApiUrl: kycApiUrl,
				customHostedFlowUrl: hostedFlowUrl,
			};
			const create = (credentials: Record<string, unknown>) =>
				runNode({
					type: ONDATO,
					parameters: {
						resource: 'identityVerification',
						operation: 'create',
						setupId: { __rl: true, mode: 'id', value: KYC_SETUP_ID },
					},
					credentials: { ondatoApi: credentials as never },
				});
			// The switch on: the sandbox's hosts, as a user fills the form.
			expect(
				(await testCredential('ondatoApi', { ...base, customHosts: true, ...custom } as never))
					.status,
			).toBe('OK');
			const on = await create({ ...base, customHosts: true, ...custom });
			expect(on.items[0].json.url).toBe(`${hostedFlowUrl}/?id=${on.items[0].json.id}`);
			// The switch off: a leftover hosted-flow override is not used (the API hosts come from a saved-before credential).
			const off = await create({
				...base,
				tokenUrl,
				idvApiUrl,
				kycApiUrl,
				customHosts: false,
				customHostedFlowUrl: 'https://white-label.example.com',
			});
			expect(off.items[0].json.url).toBe(
				`https://sandbox-idv.ondato.com/?id=${off.items[0].json.id}`,
			);
		});

		it.each([
			[
				{ registration: { dateOfBirth: '2001-02-30' } },
				/"Date of Birth" must be a date written YYYY-MM-DD, got a value shaped "9999-99-99" \[item 0\]/,
			],
			[{ registration: { email: 'john.example.com' } }, /"Email" must be an email address/],
			[
				{ registration: { countryCode: 'LTU' } },
				/"Country Code" must be a 2-letter ISO 3166-1 country code/,
			],
			[
				{ registration: { phoneNumber: '37-abc' } },
				/"Phone Number" must be an international phone number/,
			],
			[{ setupId: { __rl: true, mode: 'id', value: 'not-a-uuid' } }, /"Setup" must be a UUID/],
			[
				{ additionalFields: { faceAuthenticationSourceId: '123' } },
				/"Face Authentication Source ID" must be a UUID/,
			],
		])('refuses bad input before sending anything (%j)', async (extra, message) => {
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: KYC_SETUP_ID },
					...extra,
				},
				credentials: creds(),
			});
			expect(result.error?.message).toMatch(message);
			expect(ondatoRequests(sb)).toHaveLength(0);
		});

		it('reports the sandbox refusing a disabled setup, with continue on fail per item', async () => {
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: '={{ $json.setup }}' },
				},
				credentials: creds(),
				items: [{ setup: DISABLED_SETUP_ID }, { setup: KYC_SETUP_ID }],
				continueOnFail: true,
			});
			expect(result.items).toHaveLength(2);
			expect(result.items[0].json.error).toMatch(
				/Ondato: The request was refused as malformed \(HTTP 400\)/,
			);
			expect(result.items[0].json.message).toMatch(/\(HTTP 400\)$/);
			expect(result.items[1].json.id).toBeTruthy();
		});

		it('gets a verification with its verdict, and with the KYC outcome when asked', async () => {
			const id = await createIdv(sb, { registration: { firstName: 'Ona', lastName: 'Jonaitė' } });
			sb.ondato.complete(id, { outcome: 'rejected' });
			const plain = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: id,
				},
				credentials: creds(),
			});
			const idv = plain.items[0].json as any;
			expect(idv).toMatchObject({ id, status: 'Completed', setup: { id: KYC_SETUP_ID } });
			expect(idv.verification).toMatchObject({
				provider: 'ondato',
				status: 'needs_review',
				providerStatus: 'Completed',
				person: { firstName: 'Ona', lastName: 'Jonaitė' },
			});
			const full = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: id,
					options: { includeKycIdentification: true },
				},
				credentials: creds(),
			});
			const out = full.items[0].json as any;
			expect(out.kycIdentification).toMatchObject({
				id: idv.step.kycIdentification.id,
				status: 'Rejected',
			});
			expect(out.verification).toMatchObject({
				status: 'rejected',
				providerStatus: 'Rejected',
				ids: { identityVerificationId: id, kycIdentificationId: idv.step.kycIdentification.id },
			});
			expect(out.verification.reasons[0]).toEqual({
				code: 'UnrelatedPhotoSubmit',
				text: 'An unrelated photo was submitted',
			});
			expect(ondatoRequests(sb, '/kycid')).toHaveLength(1);
		});

		it('maps an expired session and names a missing one', async () => {
			const id = await createIdv(sb);
			sb.ondato.expire(id);
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: '={{ $json.id }}',
				},
				credentials: creds(),
				items: [{ id }, { id: '11111111-2222-4333-8444-555555555555' }],
				continueOnFail: true,
			});
			expect((result.items[0].json as any).verification.status).toBe('expired');
			expect(result.items[1].json.error).toMatch(/Ondato: The resource was not found \(HTTP 404\)/);
		});

		it('gets the setup of a verification', async () => {
			const id = await createIdv(sb);
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'getSetup',
					identityVerificationId: id,
				},
				credentials: creds(),
			});
			expect(result.items[0].json).toMatchObject({
				id: KYC_SETUP_ID,
				name: 'KYC onboarding',
				steps: [{ type: 'Consent' }, { type: 'KycIdentification' }],
			});
			expect(ondatoRequests(sb, '/idvapi').pop()!.path).toBe(
				`/idvapi/v1/identity-verifications/${id}/setup`,
			);
		});
	});

	describe('IDV Setup', () => {
		it('gets many with a limit, and all of them across pages', async () => {
			for (let i = 0; i < 120; i++)
				sb.ondato.seed.setup({ name: `Setup ${String(i).padStart(3, '0')}` });
			const limited = await runNode({
				type: ONDATO,
				parameters: { resource: 'idvSetup', operation: 'getAll', limit: 2 },
				credentials: creds(),
			});
			expect(limited.items.map((i) => i.json.name)).toEqual([
				'Face authentication',
				'KYC onboarding',
			]);
			const call = ondatoRequests(sb, '/idvapi/v1/identity-verification-setups/filter')[0];
			expect(call).toMatchObject({
				method: 'POST',
				query: { limit: '2', orderBy: 'Name', orderDirection: 'Asc' },
				body: {},
			});
			sb.clearRequests();
			const all = await runNode({
				type: ONDATO,
				parameters: { resource: 'idvSetup', operation: 'getAll', returnAll: true },
				credentials: creds(),
			});
			expect(all.items).toHaveLength(123);
			expect(new Set(all.items.map((i) => i.json.id)).size).toBe(123);
			expect(ondatoRequests(sb, '/idvapi').map((r) => r.query.offset)).toEqual([undefined, '100']);
		});

		it('stops instead of looping when the offset parameter is ignored, and can leave out disabled setups', async () => {
			for (let i = 0; i < 120; i++) sb.ondato.seed.setup({ name: `Setup ${i}` });
			sb.ondato.setConfig({ offsetParam: 'skip' });
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'idvSetup',
					operation: 'getAll',
					returnAll: true,
					options: { includeDisabled: false },
				},
				credentials: creds(),
			});
			expect(result.items.length).toBeLessThanOrEqual(100);
			expect(result.items.some((i) => i.json.isDisabled === true)).toBe(false);
			expect(ondatoRequests(sb, '/idvapi')).toHaveLength(2);
		});

		it('lists setups for the Setup locator through the list search', async () => {
			const { Ondato } = require('../../nodes/Ondato/Ondato.node');
			const node = new Ondato();
			const helper = credentialsHelperWith(creds());
			const ctx = {
				getNodeParameter: () => undefined,
				getCredentials: async () =>
					await helper.getDecrypted(undefined, { id: 'ondatoApi', name: 'ondatoApi' }, 'ondatoApi'),
				getNode: () => ({ name: 'Ondato', type: ONDATO, typeVersion: 1, parameters: {} }),
				helpers: {
					httpRequestWithAuthentication: async (_type: string, options: any) => {
						const token = (
							await axios.post(
								sb.ondato.tokenUrl,
								new URLSearchParams({
									client_id: sb.ondato.credentials.clientId,
									client_secret: sb.ondato.credentials.clientSecret,
									grant_type: 'client_credentials',
								}).toString(),
							)
						).data.access_token;
						const r = await axios({
							method: options.method,
							url: options.url,
							params: options.qs,
							data: options.body,
							headers: { ...options.headers, Authorization: `Bearer ${token}` },
						});
						return { body: r.data, headers: r.headers, statusCode: r.status };
					},
				},
			};
			const found = await node.methods.listSearch.searchSetups.call(ctx, 'kyc');
			expect(found.results).toEqual([{ name: 'KYC onboarding', value: KYC_SETUP_ID }]);
			const all = await node.methods.listSearch.searchSetups.call(ctx);
			expect(all.results.map((r: any) => r.value)).toEqual([FACE_SETUP_ID, KYC_SETUP_ID]); // disabled one left out
		});
	});

	describe('KYC Identification', () => {
		it('gets a KYC identification with its verdict', async () => {
			const id = await createIdv(sb, {
				registration: { firstName: 'John', lastName: 'Johnson', dateOfBirth: '1985-02-27' },
			});
			sb.ondato.complete(id, { outcome: 'approved' });
			const kyc = sb.ondato.kycOf(id);
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'kycIdentification',
					operation: 'get',
					kycIdentificationId: kyc.id,
				},
				credentials: creds(),
			});
			const out = result.items[0].json as any;
			expect(out).toMatchObject({
				id: kyc.id,
				status: 'Approved',
				statusReason: 'AutomaticallyIdentified',
				identityVerificationId: id,
			});
			expect(out.verification).toEqual({
				provider: 'ondato',
				ids: { kycIdentificationId: kyc.id, identityVerificationId: id },
				status: 'verified',
				providerStatus: 'Approved',
				decidedAt: kyc.completedUtc,
				person: { firstName: 'JOHN', lastName: 'JOHNSON', dateOfBirth: '1985-02-27' },
				document: {
					type: 'IdCard',
					number: 'PU2343443343',
					issuingCountry: 'LTU',
					expiryDate: '2028-12-01',
				},
				reasons: [],
			});
			expect(ondatoRequests(sb, '/kycid')[0]).toMatchObject({
				method: 'GET',
				path: `/kycid/v1/identifications/${kyc.id}`,
				status: 200,
			});
		});

		it('downloads each document file as binary', async () => {
			const id = await createIdv(sb);
			sb.ondato.complete(id, {});
			const kyc = sb.ondato.kycOf(id);
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'kycIdentification',
					operation: 'downloadFiles',
					kycIdentificationId: kyc.id,
					binaryPropertyName: 'photo',
				},
				credentials: creds(),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			for (const [i, item] of result.items.entries()) {
				expect(item.json).toMatchObject({
					kycIdentificationId: kyc.id,
					fileId: kyc.document.files[i].fileId,
					part: i === 0 ? 'Front' : 'Back',
					mimeType: 'image/jpeg',
				});
				expect(item.binary!.photo.mimeType).toBe('image/jpeg');
				expect(item.binary!.photo.fileName).toBe(kyc.document.files[i].fileName);
				const bytes = Buffer.from(item.binary!.photo.data, 'base64');
				expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
			}
			expect(ondatoRequests(sb, '/kycid').map((r) => r.path)).toEqual([
				`/kycid/v1/identifications/${kyc.id}`,
				`/kycid/v1/identifications/${kyc.id}/files/${kyc.document.files[0].fileId}`,
				`/kycid/v1/identifications/${kyc.id}/files/${kyc.document.files[1].fileId}`,
			]);
		});

		it('downloads one file, and decodes a base64 JSON answer (the format is UNCONFIRMED)', async () => {
			const id = await createIdv(sb);
			sb.ondato.complete(id, {});
			const kyc = sb.ondato.kycOf(id);
			sb.ondato.setConfig({ fileResponse: 'base64json' });
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'kycIdentification',
					operation: 'downloadFiles',
					kycIdentificationId: kyc.id,
					binaryPropertyName: 'data',
					options: { fileId: kyc.document.files[1].fileId },
				},
				credentials: creds(),
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].binary!.data.fileName).toBe(kyc.document.files[1].fileName);
			expect(
				Buffer.from(result.items[0].binary!.data.data, 'base64').subarray(0, 2).toString('hex'),
			).toBe('ffd8');
		});

		it('retries a 503 on a download (idempotent GET)', async () => {
			const id = await createIdv(sb);
			sb.ondato.complete(id, {});
			const kyc = sb.ondato.kycOf(id);
			sb.faults.add({
				provider: 'ondato',
				method: 'GET',
				path: `/kycid/v1/identifications/${kyc.id}/files/`,
				status: 503,
				times: 1,
			});
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'kycIdentification',
					operation: 'downloadFiles',
					kycIdentificationId: kyc.id,
					binaryPropertyName: 'data',
				},
				credentials: creds(),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			expect(ondatoRequests(sb, '/kycid').map((r) => r.status)).toEqual([200, 503, 200, 200]);
		});
	});

	describe('Face Authentication', () => {
		it('gets a face authentication created for a face-auth setup', async () => {
			const source = await createIdv(sb);
			sb.ondato.complete(source, { outcome: 'approved' });
			const created = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
					additionalFields: { faceAuthenticationSourceId: source },
				},
				credentials: creds(),
			});
			const idvId = String(created.items[0].json.id);
			const faceId = sb.ondato.state.idvs.get(idvId).step.faceAuthentication.id;
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'faceAuthentication',
					operation: 'get',
					faceAuthenticationId: faceId,
				},
				credentials: creds(),
			});
			expect(result.items[0].json).toMatchObject({
				id: faceId,
				identityVerificationId: idvId,
				status: 'Pending',
			});
			expect((result.items[0].json as any).verification).toMatchObject({
				status: 'pending',
				providerStatus: 'Pending',
			});
			// The request went to the Face Authentication API URL of the credential, not to the IDV API.
			expect(ondatoRequests(sb, '/faceauth/v1/face-authentications').map((r) => r.status)).toEqual([
				200,
			]);
			expect(ondatoRequests(sb, '/idvapi/v1/face-authentications')).toEqual([]);
		});

		it('maps the documented Failed status of a face authentication, produced by the sandbox, to rejected', async () => {
			const source = await createIdv(sb);
			sb.ondato.complete(source, { outcome: 'approved' });
			const created = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
					additionalFields: { faceAuthenticationSourceId: source },
				},
				credentials: creds(),
			});
			const idvId = String(created.items[0].json.id);
			const faceId = sb.ondato.state.idvs.get(idvId).step.faceAuthentication.id;
			sb.ondato.complete(idvId, { outcome: 'rejected' });
			const after = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'faceAuthentication',
					operation: 'get',
					faceAuthenticationId: faceId,
				},
				credentials: creds(),
			});
			expect(after.error).toBeUndefined();
			expect((after.items[0].json as any).verification).toMatchObject({
				status: 'rejected',
				providerStatus: 'Failed',
				reasons: [],
			});
		});

		it('refuses a face authentication against a session that is not KYC approved', async () => {
			const source = await createIdv(sb);
			const result = await runNode({
				type: ONDATO,
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
					additionalFields: { faceAuthenticationSourceId: source },
				},
				credentials: creds(),
			});
			expect(result.error?.message).toMatch(/HTTP 400.*not KYC approved/);
		});
	});
});
