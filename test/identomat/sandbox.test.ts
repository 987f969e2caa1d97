import axios from 'axios';
import { createHmac } from 'crypto';
import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { useSandbox } from './helpers';

const sandbox = useSandbox();
const api = (path: string, data: unknown, headers: Record<string, string> = {}) =>
	axios.post(`${sandbox().identomat.baseUrl}/external-api/${path}`, data, {
		headers,
		validateStatus: () => true,
		transformResponse: (r) => r,
	});
const key = () => sandbox().identomat.config.companies[0].companyKey as string;
const hmacCompany = () =>
	sandbox().identomat.config.companies[1] as { companyKey: string; secretKey: string };
const sign = (secret: string, body: string | Buffer) =>
	`signature="${createHmac('sha256', secret).update(body).digest('base64')}"`;

describe('Identomat sandbox (direct requests)', () => {
	it('answers begin/ with a bare JSON string token of 40 lowercase alphanumerics', async () => {
		const r = await api('begin/', { company_key: key() });
		expect(r.status).toBe(200);
		expect(JSON.parse(r.data)).toMatch(/^[a-z0-9]{40}$/);
	});

	it('requires the trailing slash and POST', async () => {
		expect((await api('begin', { company_key: key() })).status).toBe(404);
		expect(
			(
				await axios.get(`${sandbox().identomat.baseUrl}/external-api/begin/`, {
					validateStatus: () => true,
				})
			).status,
		).toBe(405);
	});

	it('accepts query-string parameters with flags as a JSON string', async () => {
		const q = new URLSearchParams({
			company_key: key(),
			flags: JSON.stringify({ language: 'ka' }),
		});
		const r = await axios.post(
			`${sandbox().identomat.baseUrl}/external-api/begin/?${q}`,
			undefined,
			{ validateStatus: () => true },
		);
		expect(r.status).toBe(200);
		expect(sandbox().identomat.session(r.data).flags).toEqual({ language: 'ka' });
	});

	it('refuses a bad key, bad JSON, bad flags and invalid steps', async () => {
		expect(await api('begin/', { company_key: 'nope' })).toMatchObject({
			status: 400,
			data: '"COMPANY_KEY_INVALID"',
		});
		expect(
			(await api('begin/', '{"company_key":', { 'Content-Type': 'application/json' })).data,
		).toBe('"ARGUMENT_ERROR"');
		expect((await api('begin/', { company_key: key(), flags: { skip_face: 'yes' } })).data).toBe(
			'"ARGUMENT_ERROR"',
		);
		expect((await api('begin/', { company_key: key(), flags: { language: 'xx' } })).data).toBe(
			'"ARGUMENT_ERROR"',
		);
		const q = (questions: unknown[]) => ({
			company_key: key(),
			steps: [{ type: 'user-questionnaire', key: 'q', questions }],
		});
		expect(
			(
				await api(
					'begin/',
					q([
						{ type: 'string', key: 'a', title: 'A' },
						{ type: 'string', key: 'a', title: 'B' },
					]),
				)
			).status,
		).toBe(400);
		expect(
			(
				await api(
					'begin/',
					q([{ type: 'string', key: 'a', title: 'A', options: [{ key: 'x', title: 'X' }] }]),
				)
			).status,
		).toBe(400);
		expect(
			(
				await api(
					'begin/',
					q([
						{
							type: 'string',
							key: 'a',
							title: 'A',
							showConditions: { questionKey: 'z', answer: 'x' },
						},
					]),
				)
			).status,
		).toBe(400);
		expect(
			(
				await api('begin/', {
					company_key: key(),
					steps: [{ type: 'liveness' }, { type: 'liveness' }],
				})
			).status,
		).toBe(400);
		expect((await api('begin/', { company_key: key(), config_id: 'unknown' })).data).toBe(
			'"CONFIG_NOT_FOUND"',
		);
		expect(sandbox().identomat.sessions.size).toBe(0);
	});

	it('expires an unopened token after 15 minutes, not an opened one', async () => {
		const sb = sandbox();
		const a = JSON.parse((await api('begin/', { company_key: key() })).data);
		const b = JSON.parse((await api('begin/', { company_key: key() })).data);
		await axios.get(`${sb.identomat.baseUrl}/?session_token=${b}`);
		sb.advanceClock(15 * 60_000 + 1000);
		expect((await api('result/', { company_key: key(), session_token: a })).data).toBe(
			'"SESSION_EXPIRED"',
		);
		expect((await api('result/', { company_key: key(), session_token: b })).status).toBe(200);
	});

	it('HMAC mode: refuses unsigned requests, signs successful responses and not errors', async () => {
		const { companyKey, secretKey } = hmacCompany();
		const body = JSON.stringify({ company_key: companyKey });
		const json = { 'Content-Type': 'application/json' };
		expect(await api('begin/', body, json)).toMatchObject({
			status: 401,
			data: '"SIGNATURE_INVALID"',
		});
		const ok = await api('begin/', body, { ...json, Authorization: sign(secretKey, body) });
		expect(ok.status).toBe(200);
		expect(ok.headers.authorization).toBe(sign(secretKey, ok.data));
		const missing = JSON.stringify({ company_key: companyKey, session_token: 'nope' });
		const error = await api('result/', missing, {
			...json,
			Authorization: sign(secretKey, missing),
		});
		expect(error.status).toBe(400);
		expect(error.headers.authorization).toBeUndefined();
	});

	it('serves media as files and {argumentError} when there is none', async () => {
		const sb = sandbox();
		const token = JSON.parse((await api('begin/', { company_key: key() })).data);
		expect((await api('result/face/', { company_key: key(), session_token: token })).data).toMatch(
			/argumentError/,
		);
		sb.identomat.completeSession(token, { outcome: 'approved' });
		const face = await axios.post(
			`${sb.identomat.baseUrl}/external-api/result/face/`,
			{ company_key: key(), session_token: token },
			{ responseType: 'arraybuffer' },
		);
		expect(face.headers['content-type']).toMatch(/image\/jpeg/);
		expect(Buffer.from(face.data).subarray(0, 2).toString('hex')).toBe('ffd8');
	});

	it('widget without return_url posts DONE to the parent window', async () => {
		const sb = sandbox();
		const token = JSON.parse((await api('begin/', { company_key: key() })).data);
		const page = await axios.get(
			`${sb.identomat.baseUrl}/?session_token=${token}&complete=approved`,
		);
		expect(page.data).toContain('postMessage("DONE"');
		expect(sb.identomat.session(token).outcome).toBe('approved');
	});
	it('controls: config, finishing a session, callbacks and their deliveries; fault bodies', async () => {
		const sb = sandbox();
		const control = `${sb.url}/_control/identomat`;
		const bodies: unknown[] = [];
		const receiver = createServer((req, res) => {
			let data = '';
			req.on('data', (c) => (data += c));
			req.on('end', () => {
				bodies.push(JSON.parse(data));
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`;
			const http = axios.create({ validateStatus: () => true });
			expect((await http.get(`${control}/config`)).data.callbacks.statusUpdates).toBe(false);
			const patched = await http.patch(`${control}/config`, {
				callbacks: { url, statusUpdates: true },
			});
			// One level deep: the other callback settings stay.
			expect(patched.data.callbacks).toMatchObject({
				url,
				statusUpdates: true,
				apiKey: 'sandbox-identomat-callback-key',
			});
			expect((await http.post(`${control}/sessions/nope/complete`, {})).data).toEqual({
				error: 'session nope not found',
			});
			const token = JSON.parse((await api('begin/', { company_key: key() })).data);
			const done = await http.post(`${control}/sessions/${token}/complete`, {
				outcome: 'rejected',
			});
			expect(done.data).toEqual({ token, outcome: 'rejected', returnUrl: null });
			const queued = await http.post(`${control}/callbacks`, {
				type: 'one-time-password-request',
				sessionId: token,
				extra: { text: 'Your code is 1' },
			});
			expect([queued.status, queued.data]).toEqual([202, { queued: true }]);
			await sb.identomat.waitForDeliveries(2, 5000);
			await expect(sb.identomat.waitForDeliveries(3, 50)).rejects.toThrow(
				'expected 3 callback deliveries, got 2',
			);
			expect(bodies).toEqual([
				expect.objectContaining({
					callbackApiKey: 'sandbox-identomat-callback-key',
					type: 'status-update',
					sessionId: token,
					result: expect.anything(),
				}),
				{
					callbackApiKey: 'sandbox-identomat-callback-key',
					type: 'one-time-password-request',
					sessionId: token,
					text: 'Your code is 1',
				},
			]);
			const deliveries = (await http.get(`${control}/deliveries`)).data;
			expect(deliveries.map((d: { ok: boolean }) => d.ok)).toEqual([true, true]);
			expect(deliveries[0].attempts).toEqual([{ attempt: 1, status: 200, ok: true }]);
		} finally {
			receiver.close();
		}
		sb.faults.add({ provider: 'identomat', status: 429 });
		const limited = await api('begin/', { company_key: key() });
		expect([limited.status, limited.data]).toEqual([429, 'Too Many Requests']);
		sb.faults.add({ provider: 'identomat', status: 500 });
		expect((await api('begin/', { company_key: key() })).data).toBe('Internal Server Error');
	});
});
