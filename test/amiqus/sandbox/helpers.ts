import axios from 'axios';

import { useSandbox } from '../../harness/sandbox';

export const PAT = 'sandbox-amiqus-pat';

/**
 * The sandbox of a test file (see useSandbox) and a client of its Amiqus API that sends the
 * sandbox's personal access token and never throws on a status; `raw` is a client without a base
 * URL or token that does not follow redirects, and `newClient` creates a client through the API.
 */
export function useAmiqusApi() {
	const sb = useSandbox();
	const api = axios.create({
		headers: { Authorization: `Bearer ${PAT}` },
		validateStatus: () => true,
	});
	const raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
	beforeAll(() => {
		api.defaults.baseURL = sb.amiqus.baseUrl;
	});
	const newClient = async (extra: Record<string, unknown> = {}) => {
		const r = await api.post('/clients', {
			name: { title: 'mr', first_name: 'Martin', last_name: 'McFly' },
			email: 'marty@example.com',
			...extra,
		});
		expect(r.status).toBe(201);
		return r.data;
	};
	return { sb, api, raw, newClient };
}
