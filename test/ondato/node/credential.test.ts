import { testCredential } from '../../harness/credentialTest';
import { credentialsHelperWith, runNode, typeName } from '../../harness/engine';
import { useSandbox } from '../../harness/sandbox';
import { createIdv, ondatoRequests } from '../helpers';

const ONDATO = typeName('ondato');

describe('Ondato node: Credential', () => {
	const sb = useSandbox();
	const creds = () => ({ ondatoApi: sb.ondato.credentials });

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
