import type { IDataObject } from 'n8n-workflow';

import { testCredential } from '../../harness/credentialTest';
import { byId, json, listSearch, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Client', () => {
	const { sb } = useSandbox();

	describe('create', () => {
		it('creates a client with the optional fields and returns it', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'create',
				firstName: 'Martin',
				lastName: 'McFly',
				email: 'marty@example.com',
				additionalFields: {
					title: 'mr',
					middle_name: 'Seamus',
					dob: '1968-06-12',
					reference: 'user-42',
					mobile: '+447700900123',
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			const client = result.items[0].json;
			expect(client).toMatchObject({
				object: 'client',
				email: 'marty@example.com',
				dob: '1968-06-12',
				reference: 'user-42',
				name: {
					title: 'mr',
					first_name: 'Martin',
					middle_name: 'Seamus',
					last_name: 'McFly',
					full_name: 'Martin Seamus McFly',
				},
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			const requests = received(sb());
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ method: 'POST', path: '/clients', status: 201 });
			expect(requests[0].body).toEqual({
				name: { title: 'mr', first_name: 'Martin', middle_name: 'Seamus', last_name: 'McFly' },
				email: 'marty@example.com',
				dob: '1968-06-12',
				reference: 'user-42',
				mobile: '+447700900123',
			});
			expect(sb().amiqus.state.clients.get(client.id)).toBeDefined();
		});

		it('refuses bad input from the items before sending anything, naming the field and the item', async () => {
			const parameters = {
				resource: 'client',
				operation: 'create',
				firstName: '={{ $json.first }}',
				lastName: 'McFly',
				email: '={{ $json.email }}',
				additionalFields: { dob: '={{ $json.dob }}', title: '={{ $json.title }}' },
			};
			const cases: Array<[IDataObject, RegExp]> = [
				[{ first: 'Marty', email: '', dob: '', title: 'mr' }, /^"Email" is required \[item 0\]$/],
				[
					{ first: 'Marty', email: 'not-an-email', dob: '', title: 'mr' },
					/^"Email" must be an email address, got a value shaped "aaa-aa-aaaaa" \[item 0\]$/,
				],
				[
					{ first: 'Marty', email: 'a@b.co', dob: '1968-02-30', title: 'mr' },
					/^"Date of Birth" must be a date written YYYY-MM-DD, got a value shaped "9999-99-99" \[item 0\]$/,
				],
				[
					{ first: '  ', email: 'a@b.co', dob: '', title: 'mr' },
					/^"First Name" is required \[item 0\]$/,
				],
				[
					{ first: 'Marty', email: 'a@b.co', dob: '', title: 'other' },
					/^"Other Title" is required \[item 0\]$/,
				],
				[
					{ first: 'Marty', email: 'a@b.co', dob: '', title: 'king' },
					/^"Title" must be one of .*, got "king" \[item 0\]$/,
				],
			];
			for (const [item, message] of cases) {
				const result = await runAmiqus(sb(), parameters, { items: [item] });
				expect(result.error?.message).toMatch(message);
			}
			expect(received(sb())).toEqual([]);
			expect(sb().amiqus.state.clients.size).toBe(0);
		});

		it('n8n itself refuses a node with an empty required parameter', async () => {
			await expect(
				runAmiqus(sb(), {
					resource: 'client',
					operation: 'create',
					firstName: 'Marty',
					lastName: 'McFly',
					email: '',
				}),
			).rejects.toThrow(/Parameter "Email" is required/);
			expect(received(sb())).toEqual([]);
		});

		it('with Continue On Fail, a bad item fails alone and every output item is paired', async () => {
			const result = await runAmiqus(
				sb(),
				{
					resource: 'client',
					operation: 'create',
					firstName: '={{ $json.first }}',
					lastName: 'McFly',
					email: '={{ $json.email }}',
				},
				{
					continueOnFail: true,
					items: [
						{ first: 'Marty', email: 'marty@example.com' },
						{ first: 'Emmett', email: 'doc at example.com' },
						{ first: 'Lorraine', email: 'lorraine@example.com' },
					],
				},
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(result.items.map((i) => i.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json).toMatchObject({ object: 'client', email: 'marty@example.com' });
			expect(result.items[1].json.error).toMatch(
				/"Email" must be an email address, got a value shaped "aaa aa aaaaaaa.aaa" \[item 1\]/,
			);
			expect(result.items[2].json).toMatchObject({
				object: 'client',
				email: 'lorraine@example.com',
			});
			const requests = received(sb());
			expect(requests.map((r) => (r.body as { email: string }).email)).toEqual([
				'marty@example.com',
				'lorraine@example.com',
			]);
		});
	});

	describe('get, update', () => {
		it('gets a client by ID and by URL', async () => {
			const seeded = sb().amiqus.seed.client({
				email: 'doc@example.com',
				name: { first_name: 'Emmett', last_name: 'Brown' },
			});
			const byIdResult = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'get',
				clientId: byId(seeded.id),
			});
			expect(byIdResult.items[0].json).toMatchObject({ id: seeded.id, email: 'doc@example.com' });
			const byUrl = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'get',
				clientId: { __rl: true, mode: 'url', value: `https://id.amiqus.co/clients/${seeded.id}` },
			});
			expect(byUrl.items[0].json).toMatchObject({ id: seeded.id, name: { first_name: 'Emmett' } });
			expect(received(sb()).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /clients/${seeded.id}`,
				`GET /clients/${seeded.id}`,
			]);
		});

		it('says clearly when a client does not exist', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'get',
				clientId: byId(999999),
			});
			expect(result.error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		});

		it('refuses a client ID that is not a number without sending anything', async () => {
			const result = await runAmiqus(
				sb(),
				{
					resource: 'client',
					operation: 'get',
					clientId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				{ items: [{ id: 'abc' }] },
			);
			expect(result.error?.message).toMatch(
				/^"Client" must be a positive whole number, got "abc" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('updates only the fields given', async () => {
			const seeded = sb().amiqus.seed.client({});
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'update',
				clientId: byId(seeded.id),
				updateFields: { email: 'martin.mcfly@example.com', status: 'approved' },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				id: seeded.id,
				email: 'martin.mcfly@example.com',
				status: 'approved',
			});
			const [request] = received(sb());
			expect(request).toMatchObject({
				method: 'PATCH',
				path: `/clients/${seeded.id}`,
				status: 200,
			});
			expect(request.body).toEqual({ email: 'martin.mcfly@example.com', status: 'approved' });
		});

		it('refuses an empty update', async () => {
			const seeded = sb().amiqus.seed.client({});
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'update',
				clientId: byId(seeded.id),
				updateFields: {},
			});
			expect(result.error?.message).toMatch(/"Update Fields" is empty \[item 0\]/);
			expect(received(sb())).toEqual([]);
		});
		// Delete: test/amiqus/node/erasure.test.ts (Client › Delete erases the client at Amiqus).
	});

	describe('get many', () => {
		function seedClients(count: number) {
			for (let i = 0; i < count; i++) {
				sb().amiqus.seed.client({
					email: `person${i}@example.com`,
					name: {
						first_name: `Person${String(i).padStart(3, '0')}`,
						last_name: i % 2 ? 'Odd' : 'Even',
					},
					status: i % 3 === 0 ? 'approved' : 'pending',
					reference: `ref-${i}`,
				});
			}
		}

		it.each([
			['Limit asks for one page of that size', 30, { returnAll: false, limit: 7 }, 7, [7]],
			['Return All walks every page of 100', 230, { returnAll: true }, 230, [100, 100, 100]],
			[
				'Limit above one page takes several pages and stops at the limit',
				230,
				{ returnAll: false, limit: 150 },
				150,
				[100, 100],
			],
		])('%s', async (_title, seeded, paging, count, pageSizes) => {
			seedClients(seeded);
			const result = await runAmiqus(sb(), { resource: 'client', operation: 'getAll', ...paging });
			expect(result.items).toHaveLength(count);
			expect(new Set(json(result.items).map((c) => c.id)).size).toBe(count);
			expect(received(sb()).map((r) => r.query)).toEqual(
				pageSizes.map((limit, i) => ({ page: String(i + 1), limit: String(limit) })),
			);
		});

		it('sends the filters and the sort and returns what matches', async () => {
			seedClients(12);
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'approved', search: 'person', visibility: 'active' },
				sort: { sort_by: 'name.first_name', order_by: 'desc' },
			});
			const names = json(result.items).map((c) => (c.name as { first_name: string }).first_name);
			expect(names).toEqual(['Person009', 'Person006', 'Person003', 'Person000']);
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				status: 'approved',
				search: 'person',
				visibility: 'active',
				sort_by: 'name.first_name',
				order_by: 'desc',
			});
		});

		it('filters by reference', async () => {
			seedClients(5);
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getAll',
				returnAll: true,
				filters: { reference: 'REF-3' },
			});
			expect(json(result.items).map((c) => c.email)).toEqual(['person3@example.com']);
			expect(received(sb())[0].query.reference).toBe('REF-3');
		});
	});

	describe('list search', () => {
		it('lists clients with a filter and pages on', async () => {
			for (let i = 0; i < 60; i++) {
				sb().amiqus.seed.client({
					email: `p${i}@example.com`,
					name: { first_name: i < 55 ? 'Biff' : 'George', last_name: `Tannen${i}` },
				});
			}
			const first = await listSearch(sb(), 'searchClients', 'clientId', 'biff');
			expect(first.results).toHaveLength(50);
			expect(first.results[0]).toEqual({
				name: expect.stringMatching(/^Biff Tannen0 <p0@example.com> \(#\d+\)$/),
				value: expect.stringMatching(/^\d+$/),
			});
			expect(first.paginationToken).toBe('2');
			const second = await listSearch(
				sb(),
				'searchClients',
				'clientId',
				'biff',
				first.paginationToken,
			);
			expect(second.results).toHaveLength(5);
			expect(second.paginationToken).toBeUndefined();
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '50', search: 'biff' },
				{ page: '2', limit: '50', search: 'biff' },
			]);
		});
	});

	describe('retries and errors', () => {
		const fault = (method: string, path: string, what: IDataObject) =>
			sb().faults.add({ provider: 'amiqus', method, path, ...what });
		const getClient = async (id: number) =>
			await runAmiqus(sb(), { resource: 'client', operation: 'get', clientId: byId(id) });
		const createClient = async () =>
			await runAmiqus(sb(), {
				resource: 'client',
				operation: 'create',
				firstName: 'A',
				lastName: 'B',
				email: 'a@example.com',
			});

		it('retries a 429 after the Retry-After delay and succeeds', async () => {
			const seeded = sb().amiqus.seed.client({});
			fault('GET', `/clients/${seeded.id}`, { status: 429, retryAfter: 1, times: 2 });
			const result = await getClient(seeded.id);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ id: seeded.id });
			const requests = received(sb());
			expect(requests.map((r) => r.status)).toEqual([429, 429, 200]);
			// Retry-After as the provider sees it: each retry arrives at least 1 s after the 429.
			const arrivals = requests.map((r) => Date.parse(r.time));
			expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(1000);
			expect(arrivals[2] - arrivals[1]).toBeGreaterThanOrEqual(1000);
		});

		it('retries a 429 on create too: the provider did not act on it', async () => {
			fault('POST', '/clients', { status: 429, retryAfter: 0, times: 1 });
			const result = await createClient();
			expect(result.error).toBeUndefined();
			expect(received(sb()).map((r) => r.status)).toEqual([429, 201]);
			expect(sb().amiqus.state.clients.size).toBe(1);
		});

		it('stops retrying a persistent 429 within the bound', async () => {
			fault('GET', '/clients', { status: 429, retryAfter: 0, times: 50 });
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
			});
			expect(result.error?.message).toMatch(
				/Amiqus: The provider is rate limiting the requests \(HTTP 429\)/,
			);
			expect(received(sb())).toHaveLength(4); // the first attempt and three retries
		});

		it('retries a 503 on GET', async () => {
			const seeded = sb().amiqus.seed.client({});
			fault('GET', `/clients/${seeded.id}`, { status: 503, times: 2 });
			const result = await getClient(seeded.id);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.id).toBe(seeded.id);
			expect(received(sb()).map((r) => r.status)).toEqual([503, 503, 200]);
		});

		it('does not retry a 503 on create, so no duplicate client is made', async () => {
			fault('POST', '/clients', { status: 503, times: 1 });
			const result = await createClient();
			expect(result.error?.message).toMatch(
				/Amiqus: The provider had an internal problem \(HTTP 503\)/,
			);
			expect(received(sb())).toHaveLength(1);
			expect(sb().amiqus.state.clients.size).toBe(0);
		});

		it('does not retry a dropped connection on create', async () => {
			fault('POST', '/clients', { drop: true, times: 1 });
			const result = await createClient();
			expect(result.error?.message).toMatch(/Amiqus: The provider could not be reached/);
			expect(received(sb())).toHaveLength(1);
			expect(sb().amiqus.state.clients.size).toBe(0);
		});

		it('a 401 says the credential was refused and never shows the token', async () => {
			const token = 'pat-very-secret-0123456789';
			const result = await runAmiqus(
				sb(),
				{ resource: 'client', operation: 'get', clientId: byId(1) },
				{ token },
			);
			expect(result.error?.message).toMatch(
				/Amiqus: The credentials were not accepted \(HTTP 401\): Unauthenticated\./,
			);
			const everything = JSON.stringify({
				message: result.error?.message,
				description: result.error?.description,
				context: result.error?.context,
			});
			expect(everything).not.toContain(token);
			// n8n's request helper itself repeats a 401 once after refreshing the credential; the node adds no retry.
			const requests = received(sb());
			expect(requests.length).toBeLessThanOrEqual(2);
			expect(requests.every((r) => r.status === 401)).toBe(true);
		});

		it('with Continue On Fail a 401 becomes an item without the token', async () => {
			const token = 'pat-very-secret-0123456789';
			const result = await runAmiqus(
				sb(),
				{ resource: 'client', operation: 'get', clientId: byId(1) },
				{ token, continueOnFail: true },
			);
			expect(result.items[0].json).toMatchObject({
				message: expect.stringMatching(/\(HTTP 401\)$/),
			});
			expect(JSON.stringify(result.items)).not.toContain(token);
		});
	});

	describe('credential test', () => {
		it('accepts the sandbox token and refuses another without echoing it', async () => {
			const ok = await testCredential('amiqusApi', {
				accessToken: sb().amiqus.config.personalTokens[0],
				baseUrl: sb().amiqus.baseUrl,
			});
			expect(ok.status).toBe('OK');
			const bad = await testCredential('amiqusApi', {
				accessToken: 'wrong-token-xyz',
				baseUrl: `${sb().amiqus.baseUrl}/`,
			});
			expect(bad.status).toBe('Error');
			expect(bad.message).not.toContain('wrong-token-xyz');
			const seen = received(sb()).map((r) => `${r.method} ${r.path} ${r.status}`);
			expect(seen[0]).toBe('GET /status 204');
			expect(seen.slice(1).every((line) => line === 'GET /status 401')).toBe(true);
		});
	});
});
