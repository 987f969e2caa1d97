import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Record', () => {
	const { sb } = useSandbox();

	describe('get, update, expire, download', () => {
		it('gets a record, with the client expanded on request', async () => {
			const record = sb().amiqus.seed.record({});
			const plain = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'get',
				recordId: byId(record.id),
				options: { expandClient: false },
			});
			expect(plain.items[0].json).toMatchObject({ id: record.id, client: record.client });
			const expanded = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'get',
				recordId: byId(record.id),
				options: { expandClient: true },
			});
			expect(expanded.items[0].json.client).toMatchObject({ object: 'client', id: record.client });
			expect(received(sb()).map((r) => [r.path, r.query])).toEqual([
				[`/records/${record.id}`, {}],
				[`/records/${record.id}`, { expand: 'client' }],
			]);
		});

		it('gets a record by its URL', async () => {
			const record = sb().amiqus.seed.record({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'get',
				recordId: { __rl: true, mode: 'url', value: `https://id.amiqus.co/records/${record.id}` },
			});
			expect(result.items[0].json.id).toBe(record.id);
		});

		it('archives, reviews and turns off reminders', async () => {
			const record = sb().amiqus.seed.record({ reminder: true });
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'update',
				recordId: byId(record.id),
				updateFields: { is_archived: true, is_reviewed: true, has_reminders: false },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				id: record.id,
				has_reminders: false,
				status: 'reviewed',
			});
			expect(result.items[0].json.archived_at).toEqual(expect.any(String));
			const [request] = received(sb());
			expect(request).toMatchObject({ method: 'PATCH', path: `/records/${record.id}` });
			expect(request.body).toEqual({ is_archived: true, is_reviewed: true, has_reminders: false });
		});

		it('sets the expiry within 10 days and refuses one further ahead or in the past', async () => {
			const record = sb().amiqus.seed.record({});
			const inFiveDays = new Date(Date.now() + 5 * 86_400_000)
				.toISOString()
				.replace(/\.\d{3}Z$/, 'Z');
			const ok = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'update',
				recordId: byId(record.id),
				updateFields: { expired_at: inFiveDays },
			});
			expect(ok.error).toBeUndefined();
			expect(ok.items[0].json.expired_at).toBe(inFiveDays);
			expect(received(sb())[0].body).toEqual({ expired_at: inFiveDays });

			sb().clearRequests();
			const tooFar = new Date(Date.now() + 11 * 86_400_000).toISOString();
			const far = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'update',
				recordId: byId(record.id),
				updateFields: { expired_at: tooFar },
			});
			expect(far.error?.message).toMatch(
				/^"Expires At" must be at most 10 days from now, got ".*" \[item 0\]$/,
			);
			const past = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'update',
				recordId: byId(record.id),
				updateFields: { expired_at: '2020-01-01T00:00:00' },
			});
			expect(past.error?.message).toMatch(
				/^"Expires At" must not be in the past, got "2020-01-01T00:00:00" \[item 0\]$/,
			);
			const garbage = await runAmiqus(
				sb(),
				{
					resource: 'record',
					operation: 'update',
					recordId: byId(record.id),
					updateFields: { expired_at: '={{ $json.when }}' },
				},
				{ items: [{ when: 'next tuesday' }] },
			);
			expect(garbage.error?.message).toMatch(
				/^"Expires At" must be a date and time with a zone, got "next tuesday" \[item 0\]$/,
			);
			const empty = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'update',
				recordId: byId(record.id),
				updateFields: {},
			});
			expect(empty.error?.message).toMatch(/^"Update Fields" is empty \[item 0\]$/);
			expect(received(sb())).toEqual([]);
		});

		it('expires a record now', async () => {
			const record = sb().amiqus.seed.record({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'expire',
				recordId: byId(record.id),
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				id: record.id,
				status: 'empty',
				perform_url: false,
			});
			expect(received(sb()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`POST /records/${record.id}/expire 200`,
			]);
		});

		it('downloads the record PDF as binary data', async () => {
			const record = sb().amiqus.seed.record({});
			const direct = await fetch(`${sb().amiqus.baseUrl}/records/${record.id}/download`, {
				headers: { Authorization: `Bearer ${sb().amiqus.config.personalTokens[0]}` },
			});
			const expected = Buffer.from(await direct.arrayBuffer());
			sb().clearRequests();

			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'download',
				recordId: byId(record.id),
				binaryPropertyName: 'pdf',
			});
			expect(result.error).toBeUndefined();
			const item = result.items[0];
			expect(item.json).toMatchObject({
				recordId: record.id,
				fileName: `record-${record.id}.pdf`,
				mimeType: 'application/pdf',
				fileSize: expected.length,
			});
			expect(item.binary?.pdf).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `record-${record.id}.pdf`,
			});
			expect(Buffer.from(item.binary!.pdf.data, 'base64').equals(expected)).toBe(true);
			expect(expected.subarray(0, 5).toString()).toBe('%PDF-');
			expect(received(sb()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`GET /records/${record.id}/download 200`,
			]);
		});

		it('says clearly when the record does not exist', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'download',
				recordId: byId(5),
			});
			expect(result.error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		});
	});
});
