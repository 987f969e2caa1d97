import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: record archive and documents, step catalogue, Document/File/Form lists', () => {
	const { sb } = useSandbox();

	describe('Record', () => {
		it('Archive archives the record through the documented call', async () => {
			const record = sb().amiqus.seed.record({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'archive',
				recordId: byId(record.id),
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ object: 'record', id: record.id });
			expect(result.items[0].json.archived_at).toEqual(expect.any(String));
			expect(received(sb())[0]).toMatchObject({
				method: 'POST',
				path: `/records/${record.id}/archive`,
				status: 200,
			});
		});

		it('Get Documents lists the requested and sent documents of a record, with Limit', async () => {
			const record = sb().amiqus.seed.record({
				steps: [
					{
						type: 'document.request',
						preferences: { title: 'Proof of address', instructions: 'A recent utility bill' },
					},
					{ type: 'check.dummy', preferences: { state: 'accepted' } },
					{
						type: 'document.request',
						preferences: { title: 'Payslip', instructions: 'The latest one' },
					},
				],
			});
			const limited = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getDocuments',
				recordId: byId(record.id),
				returnAll: false,
				limit: 1,
			});
			expect(json(limited.items)).toEqual([
				expect.objectContaining({
					object: 'record_document',
					type: 'requested',
					name: 'Proof of address',
				}),
			]);
			const all = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getDocuments',
				recordId: byId(record.id),
				returnAll: true,
			});
			expect(json(all.items).map((d) => d.name)).toEqual(['Proof of address', 'Payslip']);
			expect(received(sb()).map((r) => [r.path, r.query])).toEqual([
				[`/records/${record.id}/documents`, { page: '1', limit: '1' }],
				[`/records/${record.id}/documents`, { page: '1', limit: '100' }],
			]);
		});
	});

	describe('Step', () => {
		it('Validate sends the steps of the builder and returns what each costs; nothing is created', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'step',
				operation: 'validate',
				steps: {
					step: [
						{ type: 'check.photo_id', reportType: 'standard', docs: ['passport'] },
						{ type: 'check.criminal_record', region: 'scotland' },
					],
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({
				object: 'validated_steps',
				steps: [
					{ object: 'validated_step', type: 'check.photo_id', cost: 1 },
					{ object: 'validated_step', type: 'check.criminal_record', cost: 16 },
				],
			});
			const [request] = received(sb());
			expect(request).toMatchObject({ method: 'POST', path: '/steps', status: 200 });
			expect((request.body as { steps: Array<{ type: string }> }).steps.map((s) => s.type)).toEqual(
				['check.photo_id', 'check.criminal_record'],
			);
			expect(sb().amiqus.state.records.size).toBe(0);
		});

		it('Validate refuses no steps before sending, and passes on Amiqus refusing a step', async () => {
			const none = await runAmiqus(sb(), { resource: 'step', operation: 'validate', steps: {} });
			expect(none.error?.message).toBe('"Steps" needs at least one step [item 0]');
			expect(received(sb())).toEqual([]);
			const refused = await runAmiqus(sb(), {
				resource: 'step',
				operation: 'validate',
				steps: {
					step: [
						{
							type: 'document.transfer',
							documentSource: 'new',
							documentName: 'Letter',
							attachment: 424242,
						},
					],
				},
			});
			expect(refused.error?.message).toMatch(
				/\(HTTP 422\): steps\.0\.preferences\.attachment: The selected steps\.0\.preferences\.attachment is invalid\./,
			);
		});

		it('Get Available Types lists the step types with their costs, with Limit', async () => {
			const limited = await runAmiqus(sb(), {
				resource: 'step',
				operation: 'getAvailable',
				returnAll: false,
				limit: 3,
			});
			expect(limited.items).toHaveLength(3);
			const all = await runAmiqus(sb(), {
				resource: 'step',
				operation: 'getAvailable',
				returnAll: true,
			});
			expect(json(all.items)).toContainEqual({
				object: 'available_step',
				type: 'check.photo_id',
				costs: [1],
			});
			expect(received(sb()).map((r) => [r.path, r.query])).toEqual([
				['/steps', { page: '1', limit: '3' }],
				['/steps', { page: '1', limit: '100' }],
			]);
		});
	});

	describe('Document, File and Form: get many', () => {
		it('Document lists the library documents, enabled only, with the attachment included', async () => {
			const attachment = sb().amiqus.seed.attachment({ original: 'terms.pdf' });
			const enabled = sb().amiqus.seed.libraryDocument({
				name: 'Terms of business',
				attachment: attachment.id,
			});
			sb().amiqus.seed.libraryDocument({ name: 'Old terms', enabled: false });
			const result = await runAmiqus(sb(), {
				resource: 'document',
				operation: 'getAll',
				returnAll: true,
				filters: { enabled: true },
				options: { expandAttachment: true },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items)).toEqual([
				expect.objectContaining({ object: 'document', id: enabled, name: 'Terms of business' }),
			]);
			expect(result.items[0].json.attachment).toMatchObject({
				object: 'attachment',
				original: 'terms.pdf',
			});
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				enabled: 'true',
				expand: 'attachment',
			});
		});

		it('File lists the files of every client, sorted and expanded', async () => {
			const a = sb().amiqus.seed.client({});
			const b = sb().amiqus.seed.client({ email: 'b@example.com' });
			const first = sb().amiqus.seed.clientFile(a.id, { name: 'one' });
			const second = sb().amiqus.seed.clientFile(b.id, { name: 'two' });
			const result = await runAmiqus(sb(), {
				resource: 'file',
				operation: 'getAll',
				returnAll: true,
				sort: { sort_by: 'created_at', order_by: 'desc' },
				options: { expand: ['created_by'] },
			});
			expect(result.error).toBeUndefined();
			expect(
				json(result.items)
					.map((f) => f.id)
					.sort(),
			).toEqual([first.id, second.id].sort());
			expect(result.items[0].json).toMatchObject({ object: 'file' });
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				expand: 'created_by',
				sort_by: 'created_at',
				order_by: 'desc',
			});
		});

		it('Form lists the forms of every client by type, with Limit', async () => {
			const a = sb().amiqus.seed.client({});
			const b = sb().amiqus.seed.client({ email: 'b@example.com' });
			const internal = [
				sb().amiqus.seed.form({ clientId: a.id }),
				sb().amiqus.seed.form({ clientId: b.id }),
				sb().amiqus.seed.form({ clientId: b.id }),
			];
			sb().amiqus.seed.form({
				clientId: a.id,
				recordId: sb().amiqus.seed.record({ client: a.id }).id,
			});
			const result = await runAmiqus(sb(), {
				resource: 'form',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				filters: { type: 'internal' },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items).map((f) => f.reference)).toEqual(
				internal.slice(0, 2).map((f) => f.reference),
			);
			expect(result.items[0].json).toMatchObject({ object: 'form', type: 'internal' });
			expect(received(sb())[0].query).toEqual({ page: '1', limit: '2', type: 'internal' });
		});
	});
});
