import { PAT, useAmiqusApi } from './helpers';

describe('Amiqus sandbox', () => {
	const { sb, api, raw, newClient } = useAmiqusApi();

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
});
