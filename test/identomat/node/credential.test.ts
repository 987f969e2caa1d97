import { testCredential } from '../../harness/credentialTest';
import { apiRequests, credentialOf, HMAC, PLAIN } from '../helpers';
import { useIdentomatNode } from './helpers';

const { sandbox } = useIdentomatNode();

describe('Identomat credential', () => {
	it('passes with a valid company key and sends company_key in the body', async () => {
		const sb = sandbox();
		const result = await testCredential('identomatApi', credentialOf(sb) as Record<string, string>);
		expect(result.status).toBe('OK');
		const [request] = apiRequests(sb);
		expect(request.path).toBe('/begin/');
		expect(request.body.company_key).toBe(sb.identomat.config.companies[0].companyKey);
	});

	it('fails on COMPANY_KEY_INVALID', async () => {
		const sb = sandbox();
		const result = await testCredential(
			'identomatApi',
			credentialOf(sb, PLAIN, { companyApiKey: 'not-a-key' }) as Record<string, string>,
		);
		expect(result.status).toBe('Error');
		expect(sb.identomat.sessions.size).toBe(0);
	});

	it('fails, naming the Company Key, when COMPANY_KEY_INVALID comes with HTTP 200 (the status is UNCONFIRMED)', async () => {
		const sb = sandbox();
		sb.identomat.config.invalidKeyStatus = 200;
		const result = await testCredential(
			'identomatApi',
			credentialOf(sb, PLAIN, { companyApiKey: 'not-a-key' }) as Record<string, string>,
		);
		expect(result.status).toBe('Error');
		expect(result.shown).toMatch(/COMPANY_KEY_INVALID.*"Company Key"/);
		expect(apiRequests(sb)[0].status).toBe(200);
	});

	it('signs the credential test for an HMAC company (the sandbox refuses unsigned calls)', async () => {
		const sb = sandbox();
		expect(
			(await testCredential('identomatApi', credentialOf(sb, HMAC) as Record<string, string>))
				.status,
		).toBe('OK');
		expect(
			(
				await testCredential(
					'identomatApi',
					credentialOf(sb, HMAC, { secretKey: '' }) as Record<string, string>,
				)
			).status,
		).toBe('Error');
	});
});
