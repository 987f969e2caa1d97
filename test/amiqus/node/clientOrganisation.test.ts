import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Client Organisation (the organisations a client belongs to)', () => {
	const { sb } = useSandbox();

	it('adds a client to organisations, replaces them, lists them and removes them', async () => {
		const client = sb().amiqus.seed.client();
		const [a, b, c] = ['Alpha', 'Beta', 'Gamma'].map(
			(name) => sb().amiqus.seed.organisation({ name }).id as number,
		);
		const run = (operation: string, extra = {}) =>
			runAmiqus(sb(), {
				resource: 'clientOrganisation',
				operation,
				clientId: byId(client.id),
				...extra,
			});

		const added = await run('add', { organisationIds: `${a}, ${b}` });
		expect(added.error).toBeUndefined();
		expect(added.items[0].json).toMatchObject({
			client: client.id,
			added: [
				{ id: a, name: 'Alpha' },
				{ id: b, name: 'Beta' },
			],
		});
		// Already a member: Amiqus answers 204; nothing added.
		expect((await run('add', { organisationIds: String(a) })).items[0].json).toEqual({
			client: client.id,
			added: [],
		});

		const replaced = await run('replace', { organisationIds: `${b}, ${c}` });
		expect(replaced.items[0].json).toMatchObject({ client: client.id, added: [{ id: c }] });

		const listed = await run('getAll', {
			returnAll: true,
			sort: { sort_by: 'name', order_by: 'desc' },
			options: { expand: ['clients'] },
		});
		expect(json(listed.items).map((o) => o.name)).toEqual(['Gamma', 'Beta']);
		expect(listed.items[0].json.clients).toMatchObject({
			object: 'list',
			data: [{ id: client.id }],
		});

		expect((await run('remove', { organisationId: byId(b) })).items[0].json).toEqual({
			client: client.id,
			organisation: b,
			removed: true,
		});
		expect((await run('removeAll')).items[0].json).toEqual({ client: client.id, removedAll: true });
		expect((await run('getAll', { returnAll: false, limit: 5 })).items).toEqual([]);

		expect(received(sb()).map((r) => [r.method, r.path, r.body ?? null, r.status])).toEqual([
			['POST', `/clients/${client.id}/organisations`, [a, b], 201],
			['POST', `/clients/${client.id}/organisations`, [a], 204],
			['PUT', `/clients/${client.id}/organisations`, [b, c], 201],
			['GET', `/clients/${client.id}/organisations`, null, 200],
			['DELETE', `/clients/${client.id}/organisations/${b}`, null, 204],
			['DELETE', `/clients/${client.id}/organisations`, null, 204],
			['GET', `/clients/${client.id}/organisations`, null, 200],
		]);
		expect(received(sb())[3].query).toEqual({
			page: '1',
			limit: '100',
			sort_by: 'name',
			order_by: 'desc',
			expand: 'clients',
		});
	});

	it('says clearly when Amiqus does not know an organisation, and refuses IDs that are not numbers before sending', async () => {
		const client = sb().amiqus.seed.client();
		const result = await runAmiqus(
			sb(),
			{
				resource: 'clientOrganisation',
				operation: 'add',
				clientId: byId(client.id),
				organisationIds: '={{ $json.ids }}',
			},
			{ items: [{ ids: '99999' }, { ids: 'acme' }, { ids: '' }], continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(/^Amiqus: .*\(HTTP 422\)/);
		expect(result.items[1].json.error).toBe(
			'"Organisation IDs" must be IDs (positive whole numbers) separated by commas, got "acme" [item 1]',
		);
		expect(result.items[2].json.error).toBe('"Organisation IDs" is required [item 2]');
		expect(received(sb())).toHaveLength(1);
	});
});
