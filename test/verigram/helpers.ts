import axios from 'axios';
import * as crypto from 'crypto';

import { runNode, typeName } from '../harness/engine';
import { useSandbox } from '../harness/sandbox';

export const TEST_KEY = 'sandbox-verigram-test-key';
export const PROD_KEY = 'sandbox-verigram-prod-key';
export const PROD_SECRET = 'sandbox-verigram-prod-secret';

/**
 * The sandbox of a test file (see useSandbox) and the Verigram helpers
 * the verigram tests share. `sb` stands for the running sandbox.
 */
export function useVerigram() {
	const sb = useSandbox();
	const raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
	const testCred = () => ({ apiKey: TEST_KEY, host: 'custom', baseUrl: sb.verigram.baseUrl });
	const prodCred = (secret = PROD_SECRET) => ({
		apiKey: PROD_KEY,
		apiSecret: secret,
		host: 'custom',
		baseUrl: sb.verigram.baseUrl,
	});
	const run = (
		parameters: Record<string, unknown>,
		credentials: Record<string, unknown> = testCred(),
		extra: Record<string, unknown> = {},
	) =>
		runNode({
			type: typeName('verigram'),
			parameters: parameters as never,
			credentials: { verigramApi: credentials as never },
			...extra,
		});
	const createFlow = async (personId = 'client-1') => {
		const r = await run({
			resource: 'flow',
			operation: 'create',
			callbackUrl: 'https://example.com/cb',
			personId,
			locale: 'en',
		});
		expect(r.error).toBeUndefined();
		return r.items[0].json as { flow_id: string; vlink: string };
	};
	const testKeyHeaders = { 'X-Verigram-Api-Key': TEST_KEY, 'X-Verigram-Api-Version': '2.0' };
	const signed = (
		path: string,
		ts = String(Math.floor(Date.now() / 1000)),
		secret = PROD_SECRET,
	) => ({
		'X-Verigram-Api-Key': PROD_KEY,
		'X-Verigram-Api-Version': '2.0',
		'X-Verigram-Ts': ts,
		// Computed here, independently of both the credential and the sandbox.
		'X-Verigram-Hmac-SHA256': crypto
			.createHmac('sha256', secret)
			.update(ts + path)
			.digest('hex'),
	});

	return { sb, raw, testCred, prodCred, run, createFlow, testKeyHeaders, signed };
}
