const { startSandbox } = jest.requireActual('../../sandbox');

/**
 * One sandbox for a test file: started before its tests, reset before each, checked after each
 * (no problem recorded) and closed at the end. The object returned stands for the running sandbox.
 */
export function useSandbox(): any {
	let real: any;
	beforeAll(async () => {
		real = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	afterAll(async () => real?.close());
	beforeEach(() => real.reset());
	afterEach(() => expect(real.problems).toEqual([]));
	return new Proxy(
		{},
		{
			get: (_target, key) => {
				const value = real[key];
				return typeof value === 'function' ? value.bind(real) : value;
			},
		},
	);
}

/**
 * The harness credentials (by credential type) that reach a running sandbox, per provider: the
 * sandbox's own keys and base URLs. `extra` adds fields to one provider's credential.
 */
export function sandboxCredentials(sb: any) {
	return {
		amiqus: () => ({
			amiqusApi: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl: sb.amiqus.baseUrl },
		}),
		ondato: (extra: Record<string, unknown> = {}) => ({
			ondatoApi: { ...sb.ondato.credentials, ...extra },
		}),
		identomat: (extra: Record<string, unknown> = {}) => {
			const company = sb.identomat.config.companies[0];
			return {
				identomatApi: {
					companyApiKey: company.companyKey,
					secretKey: company.secretKey ?? '',
					baseUrl: sb.identomat.baseUrl,
					...extra,
				},
			};
		},
		verigram: () => ({
			verigramApi: {
				apiKey: 'sandbox-verigram-test-key',
				host: 'custom',
				baseUrl: sb.verigram.baseUrl,
			},
		}),
		nevis: () => ({
			nevisApi: { accessToken: 'sandbox-nevis-access-key', baseUrl: sb.nevis.baseUrl },
		}),
	};
}
