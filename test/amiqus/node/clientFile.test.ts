import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Client File and Record Template', () => {
	const { sb } = useSandbox();

	describe('Client File: get many', () => {
		it('filters on source and source type, searches, sorts and expands', async () => {
			const client = sb().amiqus.seed.client({});
			const passport = sb().amiqus.seed.clientFile(client.id, {
				name: 'passport-front',
				original: 'passport.jpg',
				mime: 'image/jpeg',
				source: { id: 1, type: 'check' },
				sourceType: 'photo_id',
			});
			sb().amiqus.seed.clientFile(client.id, {
				name: 'bank-statement',
				source: { id: 2, type: 'check' },
				sourceType: 'banking_information',
			});
			sb().amiqus.seed.clientFile(client.id, { name: 'nda' });
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'getAll',
				clientId: byId(client.id),
				returnAll: true,
				filters: { source: 'check', source_type: 'photo_id', search: 'passport' },
				options: { sort_by: 'name', expand: ['source'] },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items).map((f) => f.id)).toEqual([passport.id]);
			expect(result.items[0].json).toMatchObject({ object: 'client_file', name: 'passport-front' });
			expect(received(sb())[0]).toMatchObject({
				method: 'GET',
				path: `/clients/${client.id}/files`,
				query: {
					page: '1',
					limit: '100',
					source: 'check',
					source_type: 'photo_id',
					search: 'passport',
					sort_by: 'name',
					expand: 'source',
				},
			});
		});

		it('expands created_by', async () => {
			const client = sb().amiqus.seed.client({});
			sb().amiqus.seed.clientFile(client.id, { name: 'nda' });
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'getAll',
				clientId: byId(client.id),
				returnAll: true,
				options: { expand: ['source', 'created_by'] },
			});
			expect(result.error).toBeUndefined();
			expect(received(sb())[0].query).toMatchObject({ expand: 'source,created_by' });
			expect(result.items[0].json.created_by).toMatchObject({ object: 'team_member' });
		});

		it('Return All and Limit page through the files', async () => {
			const client = sb().amiqus.seed.client({});
			for (let i = 0; i < 105; i++) sb().amiqus.seed.clientFile(client.id, { name: `file-${i}` });
			const limited = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'getAll',
				clientId: byId(client.id),
				returnAll: false,
				limit: 4,
			});
			expect(limited.items).toHaveLength(4);
			const all = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'getAll',
				clientId: byId(client.id),
				returnAll: true,
			});
			expect(all.items).toHaveLength(105);
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '4' },
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('refuses a source type without a source, or one that does not fit the source', async () => {
			const client = sb().amiqus.seed.client({});
			const base = {
				resource: 'clientFile',
				operation: 'getAll',
				clientId: byId(client.id),
				returnAll: true,
			};
			const alone = await runAmiqus(sb(), { ...base, filters: { source_type: 'photo_id' } });
			expect(alone.error?.message).toMatch(/^"Source Type" needs a Source \[item 0\]$/);
			const mismatch = await runAmiqus(sb(), {
				...base,
				filters: { source: 'check', source_type: 'returned' },
			});
			expect(mismatch.error?.message).toMatch(
				/^"Source Type" must be one of .*, got "returned" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});
	});

	describe('Client File: download', () => {
		it('downloads the file bytes with the mime type and file name Amiqus gives', async () => {
			const client = sb().amiqus.seed.client({});
			const content = Buffer.from([
				0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x03, 0xfe,
			]);
			const file = sb().amiqus.seed.clientFile(client.id, {
				name: 'passport-front',
				original: 'passport.jpg',
				mime: 'image/jpeg',
				content,
			});
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'download',
				clientId: byId(client.id),
				fileId: file.id,
			});
			expect(result.error).toBeUndefined();
			const item = result.items[0];
			expect(item.json).toMatchObject({
				clientId: client.id,
				fileId: file.id,
				fileName: 'passport.jpg',
				mimeType: 'image/jpeg',
				fileSize: content.length,
			});
			expect(item.binary?.data).toMatchObject({ fileName: 'passport.jpg', mimeType: 'image/jpeg' });
			expect(Buffer.from(item.binary!.data.data, 'base64').equals(content)).toBe(true);
			expect(received(sb()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`GET /clients/${client.id}/files/${file.id}/download 200`,
			]);
		});

		it('explains an infected file (410) and a scan still running (423)', async () => {
			const client = sb().amiqus.seed.client({});
			const infected = sb().amiqus.seed.clientFile(client.id, { avStatus: 'infected' });
			const pending = sb().amiqus.seed.clientFile(client.id, { avStatus: 'pending' });
			const gone = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'download',
				clientId: byId(client.id),
				fileId: infected.id,
			});
			expect(gone.error?.message).toBe(
				'Amiqus: The file cannot be downloaded because its virus scan found a threat (HTTP 410): File scan detected a virus',
			);
			expect(gone.error?.description).toMatch(/upload the file again/);
			const locked = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'download',
				clientId: byId(client.id),
				fileId: pending.id,
			});
			expect(locked.error?.message).toBe(
				'Amiqus: The file cannot be downloaded yet because its virus scan is not finished (HTTP 423): File scan is not yet complete',
			);
			expect(locked.error?.description).toMatch(/Try again in a few minutes/);
			// Neither is retried: they are answers, not outages.
			expect(received(sb()).map((r) => r.status)).toEqual([410, 423]);
		});

		it('with Continue On Fail, the blocked file fails alone and all items are paired', async () => {
			const client = sb().amiqus.seed.client({});
			const clean = sb().amiqus.seed.clientFile(client.id, { content: 'hello' });
			const infected = sb().amiqus.seed.clientFile(client.id, { avStatus: 'infected' });
			const result = await runAmiqus(
				sb(),
				{
					resource: 'clientFile',
					operation: 'download',
					clientId: byId(client.id),
					fileId: '={{ $json.file }}',
				},
				{ continueOnFail: true, items: [{ file: clean.id }, { file: infected.id }, { file: 'x' }] },
			);
			expect(result.items.map((i) => i.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(Buffer.from(result.items[0].binary!.data.data, 'base64').toString()).toBe('hello');
			expect(result.items[1].json).toMatchObject({
				message: expect.stringMatching(/\(HTTP 410\)$/),
				error: expect.stringMatching(/virus scan found a threat/),
			});
			expect(result.items[2].json.error).toMatch(
				/^"File ID" must be a positive whole number, got "x" \[item 2\]$/,
			);
			expect(received(sb())).toHaveLength(2);
		});

		it('retries a dropped connection on a download (GET) and gets the file', async () => {
			const client = sb().amiqus.seed.client({});
			const file = sb().amiqus.seed.clientFile(client.id, { content: 'retry me' });
			sb().faults.add({
				provider: 'amiqus',
				method: 'GET',
				path: `/clients/${client.id}/files/${file.id}/download`,
				drop: true,
				times: 1,
			});
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'download',
				clientId: byId(client.id),
				fileId: file.id,
				binaryPropertyName: 'file',
			});
			expect(result.error).toBeUndefined();
			expect(Buffer.from(result.items[0].binary!.file.data, 'base64').toString()).toBe('retry me');
			expect(received(sb())).toHaveLength(2);
		});
	});

	describe('Record Template: get many', () => {
		it('lists the templates with Limit, Return All and the enabled filter', async () => {
			for (let i = 0; i < 6; i++)
				sb().amiqus.seed.recordTemplate({ name: `Template ${i}`, is_enabled: i !== 2 });
			const limited = await runAmiqus(sb(), {
				resource: 'recordTemplate',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
			});
			expect(json(limited.items).map((t) => t.name)).toEqual(['Template 0', 'Template 1']);
			const enabled = await runAmiqus(sb(), {
				resource: 'recordTemplate',
				operation: 'getAll',
				returnAll: true,
				filters: { enabled: true },
			});
			expect(json(enabled.items).map((t) => t.name)).toEqual([
				'Template 0',
				'Template 1',
				'Template 3',
				'Template 4',
				'Template 5',
			]);
			expect(enabled.items[0].json).toMatchObject({
				object: 'record_template',
				presets: { steps: expect.any(Array) },
			});
			expect(received(sb()).map((r) => [r.path, r.query])).toEqual([
				['/templates/records', { page: '1', limit: '2' }],
				['/templates/records', { page: '1', limit: '100', enabled: 'true' }],
			]);
		});
	});
});
