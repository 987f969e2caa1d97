import { useAmiqusApi } from './helpers';

describe('Amiqus sandbox', () => {
	const { sb, api, newClient } = useAmiqusApi();

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
