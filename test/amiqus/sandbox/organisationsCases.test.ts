import { useAmiqusApi } from './helpers';

/** What the sandbox enforces for organisations, cases and assignees that the node never lets through. */
describe('Amiqus sandbox: organisations, cases, assignees', () => {
	const { sb, api } = useAmiqusApi();

	it('an organisation: a company number needs a jurisdiction, an update needs the name, unknown fields are refused', async () => {
		expect(
			(await api.post('/organisations', { name: 'Acme', company_number: 'SC1' })).data,
		).toEqual({
			jurisdiction: ['The jurisdiction field is required when company number is present.'],
		});
		const created = await api.post('/organisations', {
			name: 'Acme',
			company_number: 'SC1',
			jurisdiction: 'gb',
		});
		expect(created.status).toBe(201);
		expect((await api.patch(`/organisations/${created.data.id}`, { reference: 'R' })).status).toBe(
			422,
		);
		expect((await api.post('/organisations', { name: 'Acme', vat_number: 'X' })).status).toBe(422);
		expect((await api.post('/organisations', { name: 'Acme', jurisdiction: 'xx' })).status).toBe(
			422,
		);
		expect((await api.get('/organisations', { params: { colour: 'red' } })).status).toBe(422);
	});

	it('an assignment is removed through its own parent and id only', async () => {
		const client = sb.amiqus.seed.client();
		const organisation = sb.amiqus.seed.organisation();
		const added = await api.post(`/clients/${client.id}/assignees`, [
			{ type: 'team_member', team_member: 121 },
		]);
		expect(added.status).toBe(201);
		const assigneeId = added.data.data[0].id;
		expect(assigneeId).not.toBe(121);
		expect(
			(await api.delete(`/organisations/${organisation.id}/assignees/${assigneeId}`)).data,
		).toEqual({ error: 'Assignee not found' });
		expect((await api.delete(`/clients/${client.id}/assignees/121`)).status).toBe(404);
		expect((await api.delete(`/clients/${client.id}/assignees/${assigneeId}`)).status).toBe(204);
		expect(
			(await api.post(`/clients/${client.id}/assignees`, [{ type: 'user', team_member: 121 }]))
				.status,
		).toBe(422);
		expect((await api.post(`/clients/${client.id}/assignees`, [])).status).toBe(422);
	});

	it('a case: no endpoint assigns to it, a review cannot set from_status, the status counts follow the reviews', async () => {
		const kase = sb.amiqus.seed.case();
		expect(
			(await api.post(`/cases/${kase.id}/assignees`, [{ type: 'team_member', team_member: 121 }]))
				.status,
		).not.toBe(201);
		expect(
			(await api.post(`/cases/${kase.id}/reviews`, { status: 'approved', from_status: 'pending' }))
				.status,
		).toBe(422);
		expect((await api.post(`/cases/${kase.id}/reviews`, { status: 'done' })).status).toBe(422);
		expect((await api.post(`/cases/${kase.id}/reviews`, { status: 'on_hold' })).status).toBe(201);
		const counts = await api.get('/aggregates/case-status');
		expect(
			counts.data.aggregates.find((a: { status: string }) => a.status === 'on_hold').count,
		).toBe(1);
		expect(
			(await api.get('/aggregates/case-status', { params: { start_date: 'yesterday' } })).status,
		).toBe(422);
	});
});
