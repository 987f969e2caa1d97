import { apiRequests, HMAC, PLAIN } from '../helpers';
import { useIdentomatNode } from './helpers';

const { sandbox, begin, op } = useIdentomatNode();

describe('Encodings and HMAC', () => {
	const config = {
		flags: { language: 'en', return_url: 'https://example.com/r' },
		steps: [{ type: 'liveness', key: 'liveness' }],
	};
	it.each([
		['json', 'application/json'],
		['form', 'application/x-www-form-urlencoded; charset=utf-8'],
		['multipart', 'multipart/form-data; boundary='],
		['query', undefined],
	])(
		'%s: company_key, flags and steps arrive, signed, and the signed response is accepted',
		async (encoding, contentType) => {
			const sb = sandbox();
			const run = await begin(
				{ configurationMode: 'json', configurationJson: JSON.stringify(config) },
				HMAC,
				{ encoding },
			);
			expect(run.error).toBeUndefined();
			const [request] = apiRequests(sb);
			expect(request.status).toBe(200);
			expect(request.body.company_key).toBe(sb.identomat.config.companies[HMAC].companyKey);
			expect(request.body.flags).toEqual(config.flags);
			expect(request.body.steps).toEqual(config.steps);
			if (contentType) expect(String(request.headers['content-type'])).toContain(contentType);
			if (encoding === 'query')
				expect(request.query.company_key).toBe(sb.identomat.config.companies[HMAC].companyKey);
			expect(request.headers.authorization).toBe('[redacted]');
			expect(sb.identomat.session(run.items[0].json.session_token).encoding).toBe(encoding);
		},
	);

	it('multipart whole-body signing matches the sandbox when both use it', async () => {
		const sb = sandbox();
		sb.identomat.setConfig({ multipartHmac: 'body' });
		expect(
			(
				await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
					encoding: 'multipart',
					multipartSigning: 'body',
				})
			).error,
		).toBeUndefined();
		const wrong = await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
			encoding: 'multipart',
			multipartSigning: 'parts',
		});
		expect(wrong.error?.message).toMatch(/SIGNATURE_INVALID/);
	});

	it('a wrong secret key is refused by the sandbox', async () => {
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC, {
			secretKey: 'wrong-secret',
		});
		expect(run.error?.message).toMatch(/Identomat: .*HTTP 401.*SIGNATURE_INVALID/);
	});

	it('a tampered response is an error, not a silent pass', async () => {
		const sb = sandbox();
		const token = (await begin({ configurationMode: 'json', configurationJson: '{}' }, HMAC))
			.items[0].json.session_token as string;
		sb.identomat.completeSession(token, { outcome: 'approved' });
		expect((await op('getResult', { session: token }, HMAC)).items[0].json.result).toBe('approved');
		sb.identomat.setConfig({ tamperResponses: true });
		const run = await op('getResult', { session: token }, HMAC);
		expect(run.items).toEqual([]);
		expect(run.error?.message).toMatch(
			/response signature is not valid \(the signature does not match the body\)/,
		);
	});

	it('an unsigned response is an error when a Secret Key is set', async () => {
		// The plain company's responses carry no signature.
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, {
			secretKey: 'some-secret',
		});
		expect(run.error?.message).toMatch(/the signature header is missing/);
	});

	it('COMPANY_KEY_INVALID is an error with HTTP 400 and with HTTP 200', async () => {
		const sb = sandbox();
		const bad = { companyApiKey: 'not-a-key' };
		expect(
			(await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, bad)).error
				?.message,
		).toMatch(/HTTP 400.*COMPANY_KEY_INVALID/);
		sb.identomat.setConfig({ invalidKeyStatus: 200 });
		const run = await begin({ configurationMode: 'json', configurationJson: '{}' }, PLAIN, bad);
		expect(run.error?.message).toBe('Identomat: COMPANY_KEY_INVALID');
		expect(run.error?.description).toMatch(/Company Key/);
	});
});
