import type { IDataObject } from 'n8n-workflow';

import { json, listSearch, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Record', () => {
	const { sb } = useSandbox();

	/** Two clients whose names and emails the filters and the list search tell apart. */
	const seedAliceAndBob = () => ({
		alice: sb().amiqus.seed.client({
			email: 'alice@example.com',
			name: { first_name: 'Alice', last_name: 'Zed' },
		}),
		bob: sb().amiqus.seed.client({
			email: 'bob@example.com',
			name: { first_name: 'Bob', last_name: 'Young' },
		}),
	});
	describe('get many', () => {
		it('Limit and Return All page through the records', async () => {
			const client = sb().amiqus.seed.client({});
			for (let i = 0; i < 120; i++) sb().amiqus.seed.record({ client: client.id });
			const limited = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
			});
			expect(limited.items).toHaveLength(3);
			expect(received(sb()).map((r) => r.query)).toEqual([{ page: '1', limit: '3' }]);
			sb().clearRequests();
			const all = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
			});
			expect(all.items).toHaveLength(120);
			expect(new Set(json(all.items).map((r) => r.id)).size).toBe(120);
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('sends the filters, the sort and the expand', async () => {
			const { alice, bob } = seedAliceAndBob();
			const done = sb().amiqus.seed.record({ client: alice.id });
			sb().amiqus.completeRecord(done.id, { outcome: 'accepted' });
			sb().amiqus.seed.record({ client: bob.id });
			const doneBob = sb().amiqus.seed.record({ client: bob.id });
			sb().amiqus.completeRecord(doneBob.id, { outcome: 'accepted' });
			sb().clearRequests();

			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'complete', visibility: 'active' },
				sort: { sort_by: 'client.name.last_name', order_by: 'asc' },
				options: { expandClient: true },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items).map((r) => r.id)).toEqual([doneBob.id, done.id]);
			expect((result.items[0].json.client as IDataObject).email).toBe('bob@example.com');
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				status: 'complete',
				visibility: 'active',
				sort_by: 'client.name.last_name',
				order_by: 'asc',
				expand: 'client',
			});
		});

		it('refuses a malformed assignee without sending anything', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
				filters: { assignee: 'bob' },
			});
			expect(result.error?.message).toMatch(
				/^"Assignee" must be a positive whole number, got "bob" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('sends assignee=false for unassigned records', async () => {
			await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { assignee: 'unassigned' },
			});
			expect(received(sb())[0].query).toEqual({ page: '1', limit: '5', assignee: 'false' });
		});

		it('retries a 503 on a page and still returns everything', async () => {
			const client = sb().amiqus.seed.client({});
			for (let i = 0; i < 150; i++) sb().amiqus.seed.record({ client: client.id });
			sb().faults.add({
				provider: 'amiqus',
				method: 'GET',
				path: '/records',
				status: 503,
				times: 1,
			});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
			});
			expect(result.items).toHaveLength(150);
			expect(received(sb()).map((r) => `${r.query.page} ${r.status}`)).toEqual([
				'1 503',
				'1 200',
				'2 200',
			]);
		});
	});

	describe('list search', () => {
		it('lists the newest records first and filters on the name and email', async () => {
			const { alice, bob } = seedAliceAndBob();
			const first = sb().amiqus.seed.record({ client: alice.id });
			sb().amiqus.seed.record({ client: bob.id });
			const last = sb().amiqus.seed.record({ client: alice.id });
			sb().clearRequests();
			const all = await listSearch(sb(), 'searchRecords', 'recordId');
			expect(all.results.map((r) => r.value)).toHaveLength(3);
			const found = await listSearch(sb(), 'searchRecords', 'recordId', 'alice');
			expect(found.results.map((r) => r.value)).toEqual([String(last.id), String(first.id)]);
			expect(found.results[0].name).toBe(
				`#${last.id} Martin McFly <alice@example.com> (pending)`.replace(
					'Martin McFly',
					'Alice Zed',
				),
			);
			expect(found.paginationToken).toBeUndefined();
			expect(received(sb())[1].query).toEqual({
				page: '1',
				limit: '50',
				sort_by: 'created_at',
				order_by: 'desc',
			});
		});
	});
});
