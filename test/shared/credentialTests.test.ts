import type { ICredentialDataDecryptedObject as IDataObject } from 'n8n-workflow';

import { testCredential } from '../harness/credentialTest';
import { sandboxCredentials } from '../harness/sandbox';

const { startSandbox } = require('../../sandbox');

// What the editor shows after "Test" (n8n 2.40's wording from the credential's rules): a failure
// says the provider's reason and which field to check.
let sb: any;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
});
beforeEach(() => sb.reset());
afterAll(async () => await sb?.close());

/** The sandbox's Identomat company with HMAC (requests signed, responses checked). */
const identomatHmacCompany = () => {
	const c = sb.identomat.config.companies[1];
	return { companyApiKey: c.companyKey, secretKey: c.secretKey, baseUrl: sb.identomat.baseUrl };
};
/** The sandbox's Verigram production key with its secret (HMAC-signed requests). */
const verigramSigned = () => ({
	apiKey: 'sandbox-verigram-prod-key',
	apiSecret: 'sandbox-verigram-prod-secret',
	host: 'custom',
	baseUrl: sb.verigram.baseUrl,
});

const cases: Array<{
	what: string;
	type: string;
	good: () => IDataObject;
	wrong: () => IDataObject;
	shown: RegExp;
}> = [
	{
		what: 'Amiqus, a wrong token',
		type: 'amiqusApi',
		good: () => sandboxCredentials(sb).amiqus().amiqusApi,
		wrong: () => ({ accessToken: 'not-a-token' }),
		shown: /Unauthenticated.*"Personal Access Token"/,
	},
	{
		what: 'Amiqus, no API at the Base URL',
		type: 'amiqusApi',
		good: () => sandboxCredentials(sb).amiqus().amiqusApi,
		wrong: () => ({ baseUrl: `${sb.url}/nothing-here` }),
		shown: /"Base URL"/,
	},
	{
		what: 'Ondato, a wrong Client Secret',
		type: 'ondatoApi',
		good: () => sb.ondato.credentials,
		wrong: () => ({ clientSecret: 'not-the-secret' }),
		shown: /invalid_client.*"Client ID".*"Client Secret"/,
	},
	{
		what: 'Ondato, a scope the client lacks',
		type: 'ondatoApi',
		good: () => sb.ondato.credentials,
		wrong: () => ({ scope: 'idv_api_readonly' }),
		shown: /invalid_scope.*"Scope"/,
	},
	{
		what: 'Identomat, a wrong Company Key',
		type: 'identomatApi',
		good: () => identomatHmacCompany(),
		wrong: () => ({ companyApiKey: 'not-a-key' }),
		shown: /COMPANY_KEY_INVALID.*"Company Key"/,
	},
	{
		what: 'Identomat, a wrong Secret Key',
		type: 'identomatApi',
		good: () => identomatHmacCompany(),
		wrong: () => ({ secretKey: 'not-the-secret' }),
		shown: /signature.*"Secret Key"/,
	},
	{
		what: 'Verigram, a wrong API Key',
		type: 'verigramApi',
		good: () => verigramSigned(),
		wrong: () => ({ apiKey: 'not-a-key' }),
		shown: /"API Key"/,
	},
	{
		what: 'Verigram, a wrong API Secret',
		type: 'verigramApi',
		good: () => verigramSigned(),
		wrong: () => ({ apiSecret: 'not-the-secret' }),
		shown: /signature.*"API Secret"/,
	},
	{
		what: 'Nevis, a wrong Access Key',
		type: 'nevisApi',
		good: () => sandboxCredentials(sb).nevis().nevisApi,
		wrong: () => ({ accessToken: 'not-a-key' }),
		shown: /"Access Key"/,
	},
	{
		what: 'Nevis, no instance at the Base URL',
		type: 'nevisApi',
		good: () => sandboxCredentials(sb).nevis().nevisApi,
		wrong: () => ({ baseUrl: `${sb.url}/nothing-here` }),
		shown: /"Instance ID".*"Base URL"/,
	},
];

describe.each(cases)('credential test: $what', ({ type, good, wrong, shown }) => {
	it('passes with the sandbox values and fails naming the reason and the field to check', async () => {
		expect(await testCredential(type, good())).toMatchObject({ status: 'OK' });
		const failed = await testCredential(type, { ...good(), ...wrong() });
		expect(failed.status).toBe('Error');
		expect(failed.shown).toMatch(shown);
		for (const value of Object.values(wrong()))
			if (!String(value).startsWith('http')) expect(failed.shown).not.toContain(String(value));
	});
});
