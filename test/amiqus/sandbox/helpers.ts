import axios from 'axios';

import { useSandbox } from '../../harness/sandbox';

/**
 * The sandbox of a test file (see useSandbox) and a client of its Amiqus API that sends the
 * sandbox's personal access token and never throws on a status.
 */
export function useAmiqusApi() {
	const sb = useSandbox();
	const api = axios.create({
		headers: { Authorization: 'Bearer sandbox-amiqus-pat' },
		validateStatus: () => true,
	});
	beforeAll(() => {
		api.defaults.baseURL = sb.amiqus.baseUrl;
	});
	return { sb, api };
}
