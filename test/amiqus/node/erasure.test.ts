import { byId, received, runAmiqus, useSandbox } from '../helpers';

/** Erasure at Amiqus: the client's deletion date on Create and Update, and Delete Client. */
describe('Amiqus node: erasure', () => {
	const { sb } = useSandbox();

	it('Client › Create and Update send the deletion date Amiqus deletes the client data on', async () => {
		const created = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'create',
			firstName: 'Martin',
			lastName: 'McFly',
			email: 'marty@example.com',
			additionalFields: { deletion_date: '2027-01-14' },
		});
		expect(created.error).toBeUndefined();
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toMatchObject({ deletion_date: '2027-01-14' });
		const updated = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'update',
			clientId: byId(id),
			updateFields: { deletion_date: '2027-06-30' },
		});
		expect(updated.error).toBeUndefined();
		const [post, patch] = received(sb());
		expect(post).toMatchObject({
			method: 'POST',
			path: '/clients',
			status: 201,
			body: { deletion_date: '2027-01-14' },
		});
		expect(patch).toMatchObject({
			method: 'PATCH',
			path: `/clients/${id}`,
			body: { deletion_date: '2027-06-30' },
		});
		expect(sb().amiqus.state.clients.get(id).deletion_date).toBe('2027-06-30');
	});

	it('a deletion date that is not YYYY-MM-DD is refused before sending, naming the field', async () => {
		const result = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'a@example.com',
			additionalFields: { deletion_date: '14/01/2027' },
		});
		expect(result.error?.message).toMatch(/Deletion Date/);
		expect(received(sb())).toHaveLength(0);
	});

	it('Client › Delete erases the client at Amiqus', async () => {
		const client = sb().amiqus.seed.client();
		const result = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'delete',
			clientId: byId(client.id),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: client.id, deleted: true });
		expect(received(sb())[0]).toMatchObject({
			method: 'DELETE',
			path: `/clients/${client.id}`,
			status: 204,
		});
		expect(sb().amiqus.state.clients.has(client.id)).toBe(false);
	});
});
