import type { IDataObject } from 'n8n-workflow';

import { byId, json, listSearch, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Organisation', () => {
	const { sb } = useSandbox();

	describe('create', () => {
		it('creates an organisation with its company details and address', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'create',
				name: 'Probert Publishing',
				additionalFields: {
					company_number: 'SC123456',
					jurisdiction: 'gb',
					reference: ' PP-001 ',
					incorporated_at: '2015-06-01',
					status: 'approved',
					address: {
						house_name: 'Probert House',
						street_name: 'Market Street',
						city: 'London',
						postcode: 'EC1A 1BB',
						country: 'GB',
						unit: '',
					},
				},
			});
			expect(result.error).toBeUndefined();
			const organisation = result.items[0].json;
			expect(organisation).toMatchObject({
				object: 'organisation',
				name: 'Probert Publishing',
				company_number: 'SC123456',
				jurisdiction: 'gb',
				reference: 'PP-001',
				status: 'approved',
				incorporated_at: '2015-06-01',
				address: {
					object: 'address',
					city: 'London',
					postcode: 'EC1A 1BB',
					country: 'GB',
					unit: null,
				},
			});
			expect(sb().amiqus.state.organisations.get(organisation.id)).toBeDefined();
			expect(received(sb())).toEqual([
				expect.objectContaining({
					method: 'POST',
					path: '/organisations',
					status: 201,
					body: {
						name: 'Probert Publishing',
						company_number: 'SC123456',
						reference: 'PP-001',
						status: 'approved',
						jurisdiction: 'gb',
						incorporated_at: '2015-06-01',
						address: {
							house_name: 'Probert House',
							street_name: 'Market Street',
							city: 'London',
							postcode: 'EC1A 1BB',
							country: 'GB',
						},
					},
				}),
			]);
		});

		it('refuses a company number without a jurisdiction and a bad date before sending anything, naming the item', async () => {
			const result = await runAmiqus(
				sb(),
				{
					resource: 'organisation',
					operation: 'create',
					name: '={{ $json.name }}',
					additionalFields: {
						company_number: '={{ $json.number }}',
						incorporated_at: '={{ $json.on }}',
					},
				},
				{
					items: [
						{ name: 'A', number: 'SC1', on: '' },
						{ name: 'B', number: '', on: '2015-02-30' },
						{ name: ' ', number: '', on: '' },
					],
					continueOnFail: true,
				},
			);
			expect(json(result.items).map((i) => i.error)).toEqual([
				'"Jurisdiction" is required with Company Number [item 0]',
				'"Incorporated On" must be a date written YYYY-MM-DD, got a value shaped "9999-99-99" [item 1]',
				'"Name" is required [item 2]',
			]);
			expect(received(sb())).toEqual([]);
		});
	});

	describe('get, get many, update, get clients', () => {
		it('gets an organisation by ID and by URL, with its assignees and clients in full on request', async () => {
			const organisation = sb().amiqus.seed.organisation({ name: 'Acme' });
			const client = sb().amiqus.seed.client();
			await runAmiqus(sb(), {
				resource: 'clientOrganisation',
				operation: 'add',
				clientId: byId(client.id),
				organisationIds: String(organisation.id),
			});
			const plain = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'get',
				organisationId: byId(organisation.id),
			});
			expect(plain.items[0].json).toMatchObject({
				id: organisation.id,
				name: 'Acme',
				clients: [client.id],
				assignees: null,
			});
			const expanded = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'get',
				organisationId: {
					__rl: true,
					mode: 'url',
					value: `https://id.amiqus.co/organisations/${organisation.id}`,
				},
				options: { expand: ['clients', 'assignees'] },
			});
			expect(expanded.items[0].json.clients).toMatchObject({
				object: 'list',
				data: [{ object: 'client', id: client.id }],
			});
			expect(
				received(sb())
					.slice(1)
					.map((r) => [r.path, r.query]),
			).toEqual([
				[`/organisations/${organisation.id}`, {}],
				[`/organisations/${organisation.id}`, { expand: 'clients,assignees' }],
			]);
		});

		it('lists organisations with search, the unassigned filter, sort and Limit', async () => {
			for (const name of ['Zeta Ltd', 'Alpha Ltd', 'Beta Ltd', 'Other plc'])
				sb().amiqus.seed.organisation({ name });
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				filters: { search: 'ltd', assignee: 'unassigned', visibility: 'active' },
				sort: { sort_by: 'name', order_by: 'asc' },
			});
			expect(json(result.items).map((o) => o.name)).toEqual(['Alpha Ltd', 'Beta Ltd']);
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '2',
				search: 'ltd',
				assignee: 'false',
				visibility: 'active',
				sort_by: 'name',
				order_by: 'asc',
			});
		});

		it('Return All walks every page', async () => {
			for (let i = 0; i < 105; i++) sb().amiqus.seed.organisation({ name: `Org ${i}` });
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'getAll',
				returnAll: true,
			});
			expect(result.items).toHaveLength(105);
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('updates an organisation: the name always goes with the changed fields', async () => {
			const organisation = sb().amiqus.seed.organisation({ name: 'Acme' });
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'update',
				organisationId: byId(organisation.id),
				name: 'Acme Ltd',
				updateFields: { status: 'rejected', address: { city: 'Leeds' } },
			});
			expect(result.items[0].json).toMatchObject({
				id: organisation.id,
				name: 'Acme Ltd',
				status: 'rejected',
				address: { city: 'Leeds' },
			});
			expect(received(sb())[0]).toMatchObject({
				method: 'PATCH',
				path: `/organisations/${organisation.id}`,
				body: { name: 'Acme Ltd', status: 'rejected', address: { city: 'Leeds' } },
			});
		});

		it('lists the clients of an organisation', async () => {
			const organisation = sb().amiqus.seed.organisation();
			const clients = [
				sb().amiqus.seed.client(),
				sb().amiqus.seed.client(),
				sb().amiqus.seed.client(),
			];
			for (const client of clients.slice(0, 2)) {
				await runAmiqus(sb(), {
					resource: 'clientOrganisation',
					operation: 'add',
					clientId: byId(client.id),
					organisationIds: String(organisation.id),
				});
			}
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'getClients',
				organisationId: byId(organisation.id),
				returnAll: true,
			});
			// Amiqus lists them newest first.
			expect(json(result.items).map((c) => c.id)).toEqual([clients[1].id, clients[0].id]);
			expect(received(sb()).at(-1)).toMatchObject({
				method: 'GET',
				path: `/organisations/${organisation.id}/clients`,
				query: { page: '1', limit: '100' },
			});
		});

		it('says clearly when the organisation does not exist', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'organisation',
				operation: 'get',
				organisationId: byId(1),
			});
			expect(result.error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		});
	});

	it('list search finds organisations by name and pages on', async () => {
		for (let i = 0; i < 55; i++)
			sb().amiqus.seed.organisation({
				name: `Probert ${i}`,
				company_number: `SC${i}`,
				jurisdiction: 'gb',
			});
		sb().amiqus.seed.organisation({ name: 'Other' });
		const first = await listSearch(sb(), 'searchOrganisations', 'organisationId', 'probert');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({
			name: expect.stringMatching(/^Probert 0 \(#\d+, SC0\)$/),
			value: expect.stringMatching(/^\d+$/),
		});
		const second = await listSearch(
			sb(),
			'searchOrganisations',
			'organisationId',
			'probert',
			first.paginationToken,
		);
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(received(sb()).map((r) => r.query as IDataObject)).toEqual([
			{ page: '1', limit: '50', search: 'probert' },
			{ page: '2', limit: '50', search: 'probert' },
		]);
	});
});
