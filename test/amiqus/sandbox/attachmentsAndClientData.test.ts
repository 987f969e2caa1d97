import { useAmiqusApi } from './helpers';

/** The rules the Amiqus sandbox enforces for attachments, addresses, corrections and forms, over HTTP. */
describe('Amiqus sandbox: attachments, client address, corrections, forms, library, steps', () => {
	const { sb, api } = useAmiqusApi();

	it('a client without an address answers 404; PUT needs the country and postcode and replaces the whole address', async () => {
		const client = sb.amiqus.seed.client({});
		expect((await api.get(`/clients/${client.id}/address`)).status).toBe(404);
		expect((await api.put(`/clients/${client.id}/address`, {})).status).toBe(422);
		expect(
			(await api.put(`/clients/${client.id}/address`, { country: 'GB', city: 'Leeds' })).data,
		).toEqual({ postcode: ['The postcode field is required.'] });
		expect(
			(await api.put(`/clients/${client.id}/address`, { country: 'XX', postcode: 'A' })).status,
		).toBe(422);
		expect(
			(
				await api.put(`/clients/${client.id}/address`, {
					country: 'GB',
					postcode: 'LS1 1AA',
					city: 'Leeds',
					object: 'address',
				})
			).status,
		).toBe(422);
		await api.put(`/clients/${client.id}/address`, {
			country: 'GB',
			postcode: 'LS1 1AA',
			city: 'Leeds',
		});
		await api.put(`/clients/${client.id}/address`, { country: 'GB', postcode: 'LS2 2BB' });
		expect((await api.get(`/clients/${client.id}/address`)).data).toMatchObject({
			object: 'address',
			postcode: 'LS2 2BB',
			city: null,
		});
	});

	it('an attachment of a form can be redacted; a redacted attachment is no longer deletable while assigned', async () => {
		const client = sb.amiqus.seed.client({});
		const attachment = sb.amiqus.seed.attachment({ original: 'payslip.pdf' });
		sb.amiqus.seed.form({ clientId: client.id, attachments: [attachment.id] });
		const redacted = await api.put(`/attachments/${attachment.id}/redact`);
		expect(redacted.status).toBe(200);
		expect(redacted.data).toMatchObject({ original: 'payslip-redacted.png', type: 'image/png' });
		expect((await api.delete(`/attachments/${attachment.id}`)).status).toBe(403);
		expect((await api.put('/attachments/999999/redact')).status).toBe(404);
	});

	it('a correction can be decided once; status must be accepted or rejected', async () => {
		const client = sb.amiqus.seed.client({});
		const id = sb.amiqus.seed.correction({ clientId: client.id });
		expect(
			(await api.patch(`/clients/${client.id}/corrections/${id}`, { status: 'maybe' })).status,
		).toBe(422);
		expect(
			(
				await api.patch(`/clients/${client.id}/corrections/${id}`, {
					status: 'accepted',
					correction: {},
				})
			).status,
		).toBe(422);
		expect(
			(await api.patch(`/clients/${client.id}/corrections/${id}`, { status: 'accepted' })).status,
		).toBe(200);
		expect(
			(await api.patch(`/clients/${client.id}/corrections/${id}`, { status: 'rejected' })).status,
		).toBe(405);
		expect(
			(await api.get(`/clients/${client.id}/corrections`, { params: { status: 'maybe' } })).status,
		).toBe(422);
	});

	it('forms belong to their client; undeclared query parameters are refused', async () => {
		const a = sb.amiqus.seed.client({});
		const b = sb.amiqus.seed.client({ email: 'b@example.com' });
		const form = sb.amiqus.seed.form({ clientId: a.id });
		expect((await api.get(`/clients/${b.id}/forms/${form.reference}`)).status).toBe(404);
		expect((await api.get(`/clients/${a.id}/forms/not-a-uuid`)).status).toBe(422);
		expect((await api.get('/forms', { params: { search: 'x' } })).status).toBe(422);
		expect((await api.get('/documents', { params: { enabled: 'yes' } })).status).toBe(422);
	});

	it('POST /steps validates and prices steps without creating a record', async () => {
		const ok = await api.post('/steps', { steps: [{ type: 'check.identity' }] });
		expect(ok.data).toEqual({
			object: 'validated_steps',
			steps: [{ object: 'validated_step', type: 'check.identity', cost: 2 }],
		});
		expect((await api.post('/steps', { steps: [] })).status).toBe(422);
		expect(
			(
				await api.post('/steps', {
					steps: [{ type: 'check.photo_id', preferences: { report_type: 'standard' } }],
				})
			).status,
		).toBe(422);
		expect(sb.amiqus.state.records.size).toBe(0);
	});
});
