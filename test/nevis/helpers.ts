import axios from 'axios';

import { runNode, typeName } from '../harness/engine';
import { useSandbox } from '../harness/sandbox';

export const KEY = 'sandbox-nevis-access-key';
export const FORM = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };

/**
 * The sandbox of a test file (see useSandbox) and the Nevis helpers
 * the nevis tests share. `sb` stands for the running sandbox.
 */
export function useNevis() {
	const sb = useSandbox();
	const raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
	const cred = (extra: Record<string, unknown> = {}) => ({
		accessToken: KEY,
		baseUrl: sb.nevis.baseUrl,
		...extra,
	});
	const run = (
		parameters: Record<string, unknown>,
		credentials: Record<string, unknown> = cred(),
		extra: Record<string, unknown> = {},
	) =>
		runNode({
			type: typeName('nevis'),
			parameters: { resource: 'identityVerificationSession', ...parameters },
			credentials: { nevisApi: credentials as never },
			...extra,
		});
	const startSession = async (credentials = cred()) => {
		const r = await run({ operation: 'start' }, credentials);
		expect(r.error).toBeUndefined();
		return r.items[0].json as { sessionId: string; startUrl: string };
	};
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const api = `/api/v1/idverification/sessions`;

	return { sb, raw, cred, run, startSession, byId, api };
}
