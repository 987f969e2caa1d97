import axios from 'axios';

import { testCredential } from '../../harness/credentialTest';
import { runNode, typeName } from '../../harness/engine';
import { useSandbox } from '../../harness/sandbox';
import { createIdv, DISABLED_SETUP_ID, KYC_SETUP_ID, ondatoRequests } from '../helpers';
import { runOndato } from './helpers';

const ONDATO = typeName('ondato');

describe('Ondato node: Identity Verification', () => {
	const sb = useSandbox();
	const creds = () => ({ ondatoApi: sb.ondato.credentials });

	it('creates with setup, external reference and registration, and returns the hosted URL', async () => {
		const result = await runOndato(sb, {
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
		expect(result.items[0].json.url).toBe(`https://idv.ondato.com/?id=${result.items[0].json.id}`);
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
		const result = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'create',
			setupId: { __rl: true, mode: 'id', value: KYC_SETUP_ID },
			...extra,
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
		const plain = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'get',
			identityVerificationId: id,
		});
		const idv = plain.items[0].json as any;
		expect(idv).toMatchObject({ id, status: 'Completed', setup: { id: KYC_SETUP_ID } });
		expect(idv.verification).toMatchObject({
			provider: 'ondato',
			status: 'needs_review',
			providerStatus: 'Completed',
			person: { firstName: 'Ona', lastName: 'Jonaitė' },
		});
		const full = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'get',
			identityVerificationId: id,
			options: { includeKycIdentification: true },
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
		const result = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'getSetup',
			identityVerificationId: id,
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
