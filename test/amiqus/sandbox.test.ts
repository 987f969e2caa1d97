import axios, { AxiosInstance } from 'axios';
import * as crypto from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';

const { startSandbox } = require('../../sandbox');

const PAT = 'sandbox-amiqus-pat';

type Received = { headers: http.IncomingHttpHeaders; raw: string };

// A local webhook receiver; `status` controls what it answers.
function startReceiver() {
	const received: Received[] = [];
	const ctl = { status: 204 };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.statusCode = ctl.status;
			res.end();
		});
	});
	return new Promise<{
		url: string;
		received: Received[];
		ctl: { status: number };
		close: () => Promise<void>;
	}>((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}/hook`,
				received,
				ctl,
				close: () => new Promise((r) => server.close(() => r())),
			});
		});
	});
}

describe('Amiqus sandbox', () => {
	let sb: any;
	let api: AxiosInstance;
	let raw: AxiosInstance;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
		api = axios.create({
			baseURL: sb.amiqus.baseUrl,
			headers: { Authorization: `Bearer ${PAT}` },
			validateStatus: () => true,
		});
		raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.reset());
	afterEach(() => {
		expect(sb.problems).toEqual([]);
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

	describe('auth, status and headers', () => {
		it('rejects missing and wrong tokens with the documented 401 body', async () => {
			const none = await raw.get(`${sb.amiqus.baseUrl}/status`);
			expect(none.status).toBe(401);
			expect(none.data).toEqual({ error: 'Unauthenticated.' });
			const wrong = await raw.get(`${sb.amiqus.baseUrl}/clients`, {
				headers: { Authorization: 'Bearer nope' },
			});
			expect(wrong.status).toBe(401);
			expect(wrong.data).toEqual({ error: 'Unauthenticated.' });
		});

		it('answers /status 204, /me and /team, with rate-limit headers on every response', async () => {
			const s = await api.get('/status');
			expect(s.status).toBe(204);
			expect(s.headers['x-ratelimit-limit']).toBe('200');
			expect(Number(s.headers['x-ratelimit-remaining'])).toBe(199);
			expect((await api.get('/me')).data).toMatchObject({ object: 'user', id: expect.any(Number) });
			expect((await api.get('/team')).data).toMatchObject({
				object: 'team',
				name: expect.any(String),
			});
			const unauth = await raw.get(`${sb.amiqus.baseUrl}/me`);
			expect(unauth.headers['x-ratelimit-remaining']).toBeDefined();
		});

		it('returns 403 with the message key for a read-only token on writes', async () => {
			sb.amiqus.config.readOnlyTokens = ['ro-token'];
			sb.amiqus.config.personalTokens.push('ro-token');
			const r = await raw.post(
				`${sb.amiqus.baseUrl}/clients`,
				{},
				{ headers: { Authorization: 'Bearer ro-token' } },
			);
			expect(r.status).toBe(403);
			expect(r.data).toEqual({ message: 'This action is unauthorized.' });
		});

		it('enforces the configured rate limit with Retry-After and X-RateLimit-Reset', async () => {
			sb.amiqus.config.rateLimit = { limit: 2, windowSeconds: 60, enforce: true };
			await api.get('/status');
			await api.get('/status');
			const r = await api.get('/status');
			expect(r.status).toBe(429);
			expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
			expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
			expect(r.headers['x-ratelimit-remaining']).toBe('0');
		});
	});

	describe('validation (422)', () => {
		it('uses the dot-path field shape by default', async () => {
			const r = await api.post('/clients', {
				name: { first_name: 'Martin' },
				email: 'marty@example.com',
			});
			expect(r.status).toBe(422);
			expect(Object.keys(r.data)).toEqual(['name.last_name']);
			expect(r.data['name.last_name'][0]).toMatch(/required/);
		});

		it('uses {"errors":[...]} when errorShape is list', async () => {
			sb.amiqus.config.errorShape = 'list';
			const r = await api.post('/clients', { name: { first_name: 'M', last_name: 'F' } });
			expect(r.status).toBe(422);
			expect(Object.keys(r.data)).toEqual(['errors']);
			expect(r.data.errors.join(' ')).toMatch(/email/);
		});

		it('enforces business rules the spec cannot express', async () => {
			const other = await api.post('/clients', {
				name: { title: 'other', first_name: 'M', last_name: 'F' },
				email: 'a@example.com',
			});
			expect(other.status).toBe(422);
			expect(other.data).toHaveProperty(['name.other_title']);
			const c = await newClient();
			const noDocs = await api.post('/records', {
				client: c.id,
				steps: [{ type: 'check.photo_id', preferences: { report_type: 'standard' } }],
				notification: 'email',
			});
			expect(noDocs.status).toBe(422);
			expect(noDocs.data).toHaveProperty(['steps.0.preferences.docs']);
			const badType = await api.post('/records', {
				client: c.id,
				steps: [{ type: 'check.nope' }],
				notification: 'email',
			});
			expect(badType.status).toBe(422);
			expect(badType.data).toEqual({ 'steps.0.type': ['The selected steps.0.type is invalid.'] });
			const noNotification = await api.post('/records', {
				client: c.id,
				steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
			});
			expect(noNotification.status).toBe(422);
			expect(noNotification.data).toHaveProperty(['notification']);
			const badClient = await api.post('/records', {
				client: 1,
				steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
				notification: false,
			});
			expect(badClient.status).toBe(422);
			expect(badClient.data).toHaveProperty(['client']);
		});

		it('rejects limit outside 1..100 and a far expiry date', async () => {
			expect((await api.get('/clients', { params: { limit: 0 } })).status).toBe(422);
			const r = await api.get('/clients', { params: { limit: 101 } });
			expect(r.status).toBe(422);
			expect(r.data).toHaveProperty('limit');
			const rec = sb.amiqus.seed.record();
			const far = new Date(Date.now() + 20 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
			const p = await api.patch(`/records/${rec.id}`, { expired_at: far });
			expect(p.status).toBe(422);
			expect(p.data).toHaveProperty('expired_at');
		});

		it('requires a message when a step review is rejected', async () => {
			const rec = sb.amiqus.seed.record();
			const url = `/records/${rec.id}/steps/${rec.steps[0].id}/reviews`;
			const bad = await api.post(url, { status: 'rejected' });
			expect(bad.status).toBe(422);
			expect(bad.data).toHaveProperty('message');
			const ok = await api.post(url, { status: 'rejected', message: 'Blurry document' });
			expect(ok.status).toBe(201);
			expect(ok.data).toMatchObject({
				object: 'step_review',
				status: 'rejected',
				from_status: 'pending',
			});
			const steps = await api.get(`/records/${rec.id}/steps`, { params: { expand: 'review' } });
			expect(steps.data.data[0].review).toMatchObject({ id: ok.data.id });
		});

		it('forbids deleting a client with records unless admin', async () => {
			const rec = sb.amiqus.seed.record();
			sb.amiqus.config.userRole = 'member';
			expect((await api.delete(`/clients/${rec.client}`)).status).toBe(403);
			sb.amiqus.config.userRole = 'owner';
			expect((await api.delete(`/clients/${rec.client}`)).status).toBe(204);
			expect((await api.get(`/clients/${rec.client}`)).status).toBe(404);
		});
	});

	describe('pagination', () => {
		it('returns the exact envelope with links null on one page', async () => {
			await newClient();
			const r = await api.get('/clients');
			expect(Object.keys(r.data).sort()).toEqual([
				'count',
				'current_page',
				'data',
				'limit',
				'links',
				'object',
				'total',
				'total_pages',
			]);
			expect(r.data).toMatchObject({
				object: 'paginated_list',
				total: 1,
				count: 1,
				limit: 25,
				current_page: 1,
				total_pages: 1,
				links: null,
			});
		});

		it('builds next/previous links that keep the query', async () => {
			for (const n of ['Ann', 'Bob', 'Cy'])
				await newClient({ name: { first_name: n, last_name: 'X' } });
			const p1 = await api.get('/clients', {
				params: { limit: 2, sort_by: 'name.first_name', order_by: 'desc' },
			});
			expect(p1.data).toMatchObject({
				total: 3,
				count: 2,
				limit: 2,
				current_page: 1,
				total_pages: 2,
			});
			expect(p1.data.data.map((c: any) => c.name.first_name)).toEqual(['Cy', 'Bob']);
			expect(p1.data.links.previous).toBeNull();
			const next = new URL(p1.data.links.next);
			expect(next.pathname).toBe('/amiqus/api/v2/clients');
			expect(Object.fromEntries(next.searchParams)).toEqual({
				limit: '2',
				sort_by: 'name.first_name',
				order_by: 'desc',
				page: '2',
			});
			const p2 = await raw.get(p1.data.links.next, { headers: { Authorization: `Bearer ${PAT}` } });
			expect(p2.data.data.map((c: any) => c.name.first_name)).toEqual(['Ann']);
			expect(p2.data.links.next).toBeNull();
			expect(new URL(p2.data.links.previous).searchParams.get('page')).toBe('1');
		});

		it('filters clients by search, status and reference', async () => {
			await newClient({ reference: 'EXT-1', status: 'approved' });
			await newClient({ name: { first_name: 'Emmett', last_name: 'Brown' } });
			expect((await api.get('/clients', { params: { search: 'emm' } })).data.total).toBe(1);
			expect((await api.get('/clients', { params: { status: 'approved' } })).data.total).toBe(1);
			expect(
				(await api.get('/clients', { params: { reference: 'ext-1' } })).data.data[0].reference,
			).toBe('EXT-1');
		});
	});

	describe('records, state machine and signed webhooks', () => {
		let rx: Awaited<ReturnType<typeof startReceiver>>;
		beforeEach(async () => {
			rx = await startReceiver();
		});
		afterEach(async () => {
			await rx.close();
		});

		it('drives pending -> started -> complete via the hosted page and signs every delivery', async () => {
			const hook = await api.post('/webhooks', { url: rx.url, events: ['record.*'] });
			expect(hook.status).toBe(201);
			expect(hook.data.secret).toMatch(/^[0-9a-f]{64}$/);
			const c = await newClient();
			const rec = await api.post('/records', {
				client: c.id,
				notification: false,
				steps: [
					{ type: 'check.photo_id', preferences: { report_type: 'standard', docs: ['passport'] } },
					{ type: 'check.dummy', preferences: { state: 'rejected' } },
				],
			});
			expect(rec.status).toBe(201);
			expect(rec.data.status).toBe('pending');
			expect(rec.data.perform_url).toMatch(new RegExp(`^${sb.url}/amiqus/i/`));
			expect(rec.data.steps[0].preferences).toEqual({
				report_type: 'standard',
				face: false,
				liveness: false,
				facial_similarity: false,
				live_document: false,
				docs: ['passport'],
				issuing_countries: null,
				right_to_work: null,
				right_to_rent: null,
			});
			const [photoStep, dummyStep] = rec.data.steps;

			sb.amiqus.completeStep(rec.data.id, photoStep.id, { outcome: 'accepted' });
			expect((await api.get(`/records/${rec.data.id}`)).data.status).toBe('started');

			const page = await raw.get(rec.data.perform_url);
			expect(page.status).toBe(200);
			expect(page.data).toContain('Approve');
			const done = await raw.post(rec.data.perform_url, 'outcome=accepted', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(done.status).toBe(200);

			const after = await api.get(`/records/${rec.data.id}`, { params: { expand: 'client' } });
			expect(after.data.status).toBe('complete');
			expect(after.data.perform_url).toBe(false);
			expect(after.data.client).toMatchObject({ object: 'client', id: c.id });
			// The link answers 410 once there is nothing to do, and an unknown link 404.
			expect((await raw.get(rec.data.perform_url)).status).toBe(410);
			expect((await raw.post(rec.data.perform_url, 'outcome=accepted')).status).toBe(410);
			expect((await raw.get(`${sb.url}/amiqus/i/unknown`)).status).toBe(404);
			// dummy "state" preference does not override an explicit outcome; the photo ID check is accepted
			const check = await api.get(`/checks/${photoStep.check}`, {
				params: { expand: 'record,response' },
			});
			expect(check.data).toMatchObject({
				object: 'check',
				type: 'photo_id',
				status: 'accepted',
				record: { id: rec.data.id },
			});
			expect(check.data.response.object).toBe('check_response.photo_id');
			const dummy = await api.get(`/checks/${dummyStep.check}`);
			expect(dummy.data.response).toBe(true);

			await sb.amiqus.waitForDeliveries(4, 3000);
			const aliases = rx.received.map((d) => JSON.parse(d.raw).trigger.alias);
			// deliveries run concurrently, as on the live service: compare without order
			expect(aliases.slice().sort()).toEqual([
				'record.created',
				'record.finished',
				'record.updated',
				'record.updated',
			]);
			for (const d of rx.received) {
				const expected = crypto
					.createHmac('sha256', hook.data.secret)
					.update(d.raw)
					.digest('base64');
				expect(d.headers['x-aqid-signature']).toBe(expected);
				expect(d.headers['x-aqid-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
				expect(d.headers['x-aqid-delivery-attempt']).toBe('1');
				expect(d.headers['user-agent']).toBe('Amiqus AmiqusID/2');
				expect(d.headers['content-type']).toBe('application/json');
			}
			const finished = JSON.parse(
				rx.received.find((d) => JSON.parse(d.raw).trigger.alias === 'record.finished')!.raw,
			);
			expect(finished).toEqual({
				webhook: { uuid: hook.data.uuid, created_at: hook.data.created_at, events: ['record.*'] },
				trigger: { triggered_at: expect.stringMatching(/Z$/), alias: 'record.finished' },
				data: {
					record: {
						id: rec.data.id,
						type: 'client',
						show: `${sb.amiqus.baseUrl}/records/${rec.data.id}`,
						download: `${sb.amiqus.baseUrl}/records/${rec.data.id}/download`,
					},
					client: { id: c.id, show: `${sb.amiqus.baseUrl}/clients/${c.id}` },
					case: null,
				},
			});
			const log = await api.get(`/webhooks/${hook.data.id}/deliveries`);
			expect(log.data.total).toBe(4);
			expect(log.data.data[0]).toMatchObject({
				object: 'webhook_delivery',
				event: 'record.created',
				attempts: 1,
			});
		});

		it('uses the dummy state preference, waiting on submitted checks, and expiry to empty', async () => {
			const rec = sb.amiqus.seed.record({
				steps: [{ type: 'check.dummy', preferences: { state: 'refer' } }],
			});
			sb.amiqus.completeRecord(rec.id);
			const check = await api.get(`/checks/${rec.steps[0].check}`);
			expect(check.data.status).toBe('refer');

			const waiting = sb.amiqus.seed.record();
			expect(sb.amiqus.completeRecord(waiting.id, { outcome: 'submitted' }).status).toBe('waiting');
			const ctl = await raw.post(
				`${sb.url}/_control/amiqus/checks/${waiting.steps[0].check}/status`,
				{ status: 'accepted' },
			);
			expect(ctl.status).toBe(200);
			expect((await api.get(`/records/${waiting.id}`)).data.status).toBe('complete');

			const idle = sb.amiqus.seed.record();
			const exp = await api.post(`/records/${idle.id}/expire`);
			expect(exp.data).toMatchObject({ status: 'empty', perform_url: false });
			const rev = await api.patch(`/records/${idle.id}`, { is_reviewed: true, is_archived: true });
			expect(rev.data.status).toBe('reviewed');
			expect(rev.data.archived_at).toEqual(expect.any(String));
		});

		it('emits client events with v1 URLs and +00:00 timestamps when configured', async () => {
			sb.amiqus.config.webhookUrlStyle = 'v1';
			sb.amiqus.config.timestampStyle = '+00:00';
			await api.post('/webhooks', { url: rx.url, events: ['client.*'] });
			const c = await newClient();
			await api.patch(`/clients/${c.id}`, { status: 'approved' });
			await api.delete(`/clients/${c.id}`);
			await sb.amiqus.waitForDeliveries(4, 3000);
			const bodies: Record<string, any> = {};
			for (const d of rx.received) {
				const b = JSON.parse(d.raw);
				bodies[b.trigger.alias] = b;
			}
			expect(Object.keys(bodies).sort()).toEqual([
				'client.created',
				'client.deleted',
				'client.status',
				'client.updated',
			]);
			expect(bodies['client.created'].data.client.show).toBe(
				`${sb.url}/amiqus/api/clients/${c.id}`,
			);
			expect(bodies['client.created'].trigger.triggered_at).toMatch(/\+00:00$/);
			expect(bodies['client.deleted'].data).toEqual({ client: { id: c.id } });
		});

		it('retries on the scaled schedule with the same delivery id, then auto-disables after the failure limit', async () => {
			rx.ctl.status = 500;
			sb.amiqus.config.webhookFailureLimit = 2;
			sb.timeScale = 0.0002; // 60/120/600/900 s -> 12/24/120/180 ms
			const hook = await api.post('/webhooks', { url: rx.url, events: ['*'] });
			sb.amiqus.seed.client(); // client.created: payload 1
			await sb.amiqus.waitForDeliveries(5, 5000);
			const first = rx.received.slice(0, 5);
			expect(first.map((d) => d.headers['x-aqid-delivery-attempt'])).toEqual([
				'1',
				'2',
				'3',
				'4',
				'5',
			]);
			expect(new Set(first.map((d) => d.headers['x-aqid-delivery-id'])).size).toBe(1);
			expect((await api.get(`/webhooks/${hook.data.id}`)).data.is_enabled).toBe(true);
			sb.amiqus.seed.client(); // payload 2 -> tally reaches 2
			await sb.amiqus.waitForDeliveries(10, 5000);
			await new Promise((r) => setTimeout(r, 50));
			expect((await api.get(`/webhooks/${hook.data.id}`)).data.is_enabled).toBe(false);
			expect((await api.get('/webhooks', { params: { enabled: false } })).data.total).toBe(1);
			sb.amiqus.seed.client(); // disabled: nothing sent
			await new Promise((r) => setTimeout(r, 100));
			expect(rx.received).toHaveLength(10);
			sb.timeScale = 0.001;
		});

		it('sends a ping in the configured format', async () => {
			const hook = await api.post('/webhooks', { url: rx.url, events: ['record.finished'] });
			sb.amiqus.config.pingFormat = 'log';
			const r = await raw.post(`${sb.url}/_control/amiqus/webhooks/${hook.data.id}/ping`);
			expect(r.status).toBe(202);
			await sb.amiqus.waitForDeliveries(1, 3000);
			expect(JSON.parse(rx.received[0].raw)).toMatchObject({ event: 'ping', data: ['ping'] });
		});
	});

	describe('fault injection', () => {
		it('injects 429 with Retry-After for a method and path prefix, a limited number of times', async () => {
			sb.faults.add({
				provider: 'amiqus',
				method: 'POST',
				path: '/clients',
				status: 429,
				retryAfter: 7,
				times: 2,
			});
			const a = await api.post('/clients', {});
			expect(a.status).toBe(429);
			expect(a.headers['retry-after']).toBe('7');
			expect(a.headers['x-ratelimit-reset']).toBeDefined();
			expect((await api.get('/clients')).status).toBe(200); // GET is not matched
			expect((await api.post('/clients', {})).status).toBe(429);
			expect((await api.post('/clients', {})).status).toBe(422);
		});

		it('injects 503, drops connections and delays responses', async () => {
			sb.faults.add({ provider: 'amiqus', status: 503, times: 2 });
			expect((await api.get('/status')).status).toBe(503);
			expect((await api.get('/status')).status).toBe(503);
			expect((await api.get('/status')).status).toBe(204);

			sb.faults.add({ provider: 'amiqus', drop: true, times: 1 });
			await expect(api.get('/status')).rejects.toThrow(/socket hang up|ECONNRESET/);
			expect((await api.get('/status')).status).toBe(204);

			sb.faults.add({ provider: 'amiqus', delayMs: 300, times: 1 });
			const t0 = Date.now();
			expect((await api.get('/status')).status).toBe(204);
			expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		});

		it('works over the HTTP control API and records requests with redacted auth', async () => {
			const f = await raw.post(`${sb.url}/_control/faults`, {
				provider: 'amiqus',
				path: '/me',
				status: 500,
			});
			expect(f.status).toBe(201);
			expect((await api.get('/me')).status).toBe(500);
			const log = await raw.get(`${sb.url}/_control/requests`, { params: { provider: 'amiqus' } });
			expect(log.data).toHaveLength(1);
			expect(log.data[0]).toMatchObject({ method: 'GET', path: '/me', status: 500 });
			expect(log.data[0].headers.authorization).toBe('[redacted]');
			expect(JSON.stringify(log.data)).not.toContain(PAT);
			const cfg = await raw.patch(`${sb.url}/_control/amiqus/config`, { errorShape: 'list' });
			expect(cfg.data.errorShape).toBe('list');
			await raw.post(`${sb.url}/_control/reset`);
			expect(sb.amiqus.config.errorShape).toBe('fields');
			expect(sb.requests('amiqus')).toHaveLength(0);
		});
	});

	describe('OAuth 2.0', () => {
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
		const token = (o: Record<string, string>) =>
			raw.post(
				`${sb.amiqus.oauthUrl}/token`,
				form({
					client_id: 'sandbox-client',
					client_secret: 'sandbox-client-secret',
					redirect_uri: redirectUri,
					...o,
				}),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			);
		const authorize = async (auto: string) => {
			const r = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: {
					client_id: 'sandbox-client',
					redirect_uri: redirectUri,
					response_type: 'code',
					state: 'xyz',
					auto,
				},
			});
			expect(r.status).toBe(302);
			return new URL(r.headers.location);
		};

		it('serves a consent page and redirects with access_denied on deny', async () => {
			const page = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: {
					client_id: 'sandbox-client',
					redirect_uri: redirectUri,
					response_type: 'code',
					state: 's',
				},
			});
			expect(page.data).toContain('Approve');
			expect(page.data).toContain('Deny');
			const denied = await authorize('deny');
			expect(denied.searchParams.get('error')).toBe('access_denied');
			expect(denied.searchParams.get('state')).toBe('xyz');
			const badClient = await raw.get(`${sb.amiqus.oauthUrl}/authorize`, {
				params: { client_id: 'x', redirect_uri: redirectUri, response_type: 'code' },
			});
			expect(badClient.status).toBe(401);
		});

		it('exchanges a single-use code and rotates single-use refresh tokens', async () => {
			const loc = await authorize('approve');
			expect(loc.searchParams.get('state')).toBe('xyz');
			const code = loc.searchParams.get('code')!;
			const t1 = await token({ grant_type: 'authorization_code', code });
			expect(t1.status).toBe(200);
			expect(t1.data).toEqual({
				token_type: 'Bearer',
				expires_in: 31536000,
				access_token: expect.any(String),
				refresh_token: expect.any(String),
			});
			expect((await token({ grant_type: 'authorization_code', code })).data.error).toBe(
				'invalid_grant',
			);
			const me = await raw.get(`${sb.amiqus.baseUrl}/me`, {
				headers: { Authorization: `Bearer ${t1.data.access_token}` },
			});
			expect(me.status).toBe(200);

			const t2 = await token({ grant_type: 'refresh_token', refresh_token: t1.data.refresh_token });
			expect(t2.status).toBe(200);
			expect(t2.data.access_token).not.toBe(t1.data.access_token);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t1.data.access_token}` },
					})
				).status,
			).toBe(401);
			expect(
				(await token({ grant_type: 'refresh_token', refresh_token: t1.data.refresh_token })).status,
			).toBe(400);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t2.data.access_token}` },
					})
				).status,
			).toBe(200);

			const exp = await raw.post(`${sb.url}/_control/amiqus/oauth/expire`, {});
			expect(exp.data.expired).toBeGreaterThan(0);
			expect(
				(
					await raw.get(`${sb.amiqus.baseUrl}/me`, {
						headers: { Authorization: `Bearer ${t2.data.access_token}` },
					})
				).status,
			).toBe(401);
			expect(
				(await token({ grant_type: 'refresh_token', refresh_token: t2.data.refresh_token })).status,
			).toBe(200);
		});

		it('rejects bad client secrets, JSON bodies and expired codes', async () => {
			expect(
				(await token({ grant_type: 'authorization_code', code: 'x', client_secret: 'wrong' }))
					.status,
			).toBe(401);
			const json = await raw.post(`${sb.amiqus.oauthUrl}/token`, {
				grant_type: 'authorization_code',
			});
			expect(json.status).toBe(400);
			const code = (await authorize('approve')).searchParams.get('code')!;
			sb.advanceClock(11 * 60 * 1000);
			expect((await token({ grant_type: 'authorization_code', code })).data.error).toBe(
				'invalid_grant',
			);
		});
	});

	describe('files and downloads', () => {
		it('serves client files with av_status 410/423 and correct content types', async () => {
			const c = await newClient();
			const clean = sb.amiqus.seed.clientFile(c.id, {
				original: 'note.txt',
				mime: 'text/plain',
				content: 'hello',
			});
			const infected = sb.amiqus.seed.clientFile(c.id, { avStatus: 'infected' });
			const pending = sb.amiqus.seed.clientFile(c.id, { avStatus: 'pending' });
			const error = sb.amiqus.seed.clientFile(c.id, { avStatus: 'error' });
			const ok = await api.get(`/clients/${c.id}/files/${clean.id}/download`, {
				responseType: 'arraybuffer',
			});
			expect(ok.status).toBe(200);
			expect(ok.headers['content-type']).toMatch(/^text\/plain/);
			expect(Buffer.from(ok.data).toString()).toBe('hello');
			const gone = await api.get(`/clients/${c.id}/files/${infected.id}/download`);
			expect(gone.status).toBe(410);
			expect(gone.data).toEqual({ error: 'File scan detected a virus' });
			expect((await api.get(`/clients/${c.id}/files/${pending.id}/download`)).data).toEqual({
				error: 'File scan is not yet complete',
			});
			const locked = await api.get(`/clients/${c.id}/files/${error.id}/download`);
			expect(locked.status).toBe(423);
			expect(locked.data).toEqual({ error: 'File scan could not be completed' });
		});

		it('lists photo ID images by source/source_type after a completed check', async () => {
			const rec = sb.amiqus.seed.record({
				steps: [{ type: 'check.photo_id', preferences: { report_type: 'biometric' } }],
			});
			sb.amiqus.seed.clientFile(rec.client, { original: 'contract.pdf' });
			sb.amiqus.completeRecord(rec.id, { outcome: 'accepted' });
			const all = await api.get(`/clients/${rec.client}/files`);
			expect(all.data.total).toBe(2);
			const photos = await api.get(`/clients/${rec.client}/files`, {
				params: { source: 'check', source_type: 'photo_id' },
			});
			expect(photos.data.total).toBe(1);
			const img = await api.get(`/clients/${rec.client}/files/${photos.data.data[0].id}/download`, {
				responseType: 'arraybuffer',
			});
			expect(img.headers['content-type']).toBe('image/png');
			expect(Buffer.from(img.data).subarray(1, 4).toString()).toBe('PNG');
			expect(
				(await api.get(`/clients/${rec.client}/files`, { params: { source_type: 'photo_id' } }))
					.status,
			).toBe(422);
		});

		it('downloads the record as a PDF and creates records from templates', async () => {
			const tpl = sb.amiqus.seed.recordTemplate({
				name: 'Onboarding',
				steps: [{ type: 'check.criminal_record', preferences: { region: 'scotland' } }],
			});
			const list = await api.get('/templates/records');
			expect(list.data.data[0]).toMatchObject({
				object: 'record_template',
				id: tpl.id,
				name: 'Onboarding',
			});
			const c = await newClient();
			const rec = await api.post('/records', { client: c.id, template: tpl.id });
			expect(rec.status).toBe(201);
			expect(rec.data.steps[0]).toMatchObject({
				type: 'check.criminal_record',
				check: expect.any(Number),
			});
			expect((await api.post('/records', { client: c.id, template: 999 })).data).toHaveProperty(
				'template',
			);
			const pdf = await api.get(`/records/${rec.data.id}/download`, {
				responseType: 'arraybuffer',
			});
			expect(pdf.headers['content-type']).toBe('application/pdf');
			expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
			expect(Buffer.from(pdf.data).toString().trimEnd().endsWith('%%EOF')).toBe(true);
			const recs = await api.get(`/clients/${c.id}/records`);
			expect(recs.data.total).toBe(1);
		});
	});

	it('records response-validation failures as problems (sandbox self-check)', async () => {
		const rec = sb.amiqus.seed.record();
		sb.amiqus.state.records.get(rec.id).email = 'not-an-email'; // corrupt state on purpose
		const r = await api.get(`/records/${rec.id}`);
		expect(r.status).toBe(500);
		expect(r.data.message).toMatch(/Sandbox bug: response failed OpenAPI validation/);
		expect(sb.problems).toHaveLength(1);
		sb.problems.length = 0; // expected here; afterEach asserts the list is empty
	});
});
