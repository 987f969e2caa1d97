import type { IDataObject } from 'n8n-workflow';

const { startSandbox } = jest.requireActual('../../sandbox') as {
	startSandbox: (o: IDataObject) => Promise<Sandbox>;
};

export type Sandbox = Record<string, any>; // the sandbox is plain JavaScript

export const PLAIN = 0; // index of the sandbox company without HMAC
export const HMAC = 1; // index of the sandbox company with HMAC

/** One sandbox per test file, reset before every test; `sb.problems` must stay empty. */
export function useSandbox(): () => Sandbox {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.problems).toEqual([]));
	afterAll(async () => await sb?.close());
	return () => sb;
}

/** Credential data for a sandbox company (`company` index), with overrides. */
export function credentialOf(sb: Sandbox, company = PLAIN, extra: IDataObject = {}): IDataObject {
	const c = sb.identomat.config.companies[company];
	return {
		companyApiKey: c.companyKey,
		secretKey: c.secretKey ?? '',
		baseUrl: sb.identomat.baseUrl,
		callbackApiKey: sb.identomat.config.callbacks.apiKey,
		...extra,
	};
}

export function credentials(sb: Sandbox, company = PLAIN, extra: IDataObject = {}) {
	return { identomatApi: credentialOf(sb, company, extra) as Record<string, string> };
}

/** What the sandbox received on its API (not the widget). */
export function apiRequests(sb: Sandbox): Array<{
	path: string;
	body: IDataObject;
	headers: IDataObject;
	status: number;
	query: IDataObject;
}> {
	return sb.requests('identomat').filter((r: IDataObject) => r.path !== '/');
}
