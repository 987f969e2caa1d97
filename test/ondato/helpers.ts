import axios from 'axios';

const { startSandbox } = require('../../sandbox') as { startSandbox: (o: object) => Promise<any> };

export const KYC_SETUP_ID = '5f16990b-d00a-4ff2-8102-e7b8d5820c28';
export const FACE_SETUP_ID = '0f60f6f8-8e73-4873-b2ee-e02275994a77';
export const DISABLED_SETUP_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

export async function sandbox(): Promise<any> {
	return await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
}

/** A token straight from the sandbox's token server, for direct API calls in tests. */
export async function directToken(sb: any, form: Record<string, string> = {}): Promise<string> {
	const c = sb.ondato.credentials;
	const r = await axios.post(
		c.tokenUrl,
		new URLSearchParams({
			client_id: c.clientId,
			client_secret: c.clientSecret,
			grant_type: 'client_credentials',
			...form,
		}).toString(),
		{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
	);
	return r.data.access_token as string;
}

/** Creates an IDV through the sandbox API (not through the node). */
export async function createIdv(sb: any, body: Record<string, unknown> = {}): Promise<string> {
	const token = await directToken(sb);
	const r = await axios.post(
		`${sb.ondato.idvApiUrl}/v1/identity-verifications`,
		{ setupId: KYC_SETUP_ID, ...body },
		{ headers: { Authorization: `Bearer ${token}` } },
	);
	return r.data.id as string;
}

export const ondatoRequests = (sb: any, prefix = '') =>
	(
		sb.requests('ondato') as Array<{
			method: string;
			path: string;
			query: any;
			body: any;
			headers: any;
			status: number;
		}>
	).filter((r) => r.path.startsWith(prefix));
