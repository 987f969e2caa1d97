import type { IDataObject } from 'n8n-workflow';

import { json, received, runAmiqus, useSandbox } from '../helpers';

const FIELDS: IDataObject[] = [
	{ id: '1', type: 'section', label: '', fields: ['2'] },
	{ id: '2', type: 'section', label: 'Onboarding', fields: ['3', '4'] },
	{ id: '3', type: 'text', label: 'Job title', validation: ['required'] },
	{
		id: '4',
		type: 'radio',
		label: { value: 'Contract type', options: ['Full-time', 'Part-time'] },
		validation: ['required'],
	},
];
const INSTRUCTIONS = {
	type: 'doc',
	content: [
		{ type: 'paragraph', content: [{ type: 'text', text: 'Please answer every question.' }] },
	],
};

describe('Amiqus node: Form Template', () => {
	const { sb } = useSandbox();
	const seed = (b: IDataObject = {}) => sb().amiqus.seed.formTemplate(b) as IDataObject;

	it('creates a form template from the Fields JSON and the additional fields', async () => {
		const result = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'create',
			name: 'New starter form',
			fields: JSON.stringify(FIELDS),
			additionalFields: {
				description: 'For every new starter',
				instructions: JSON.stringify(INSTRUCTIONS),
				is_enabled: false,
			},
		});
		expect(result.error).toBeUndefined();
		const [out] = json(result.items);
		expect(out).toMatchObject({
			object: 'form_template',
			name: 'New starter form',
			version: 1,
			is_enabled: false,
			fields: FIELDS,
		});
		expect(out.reference).toMatch(/^[0-9a-f-]{36}$/);
		const [request] = received(sb());
		expect(request).toMatchObject({ method: 'POST', path: '/form-templates', status: 201 });
		expect(request.body).toEqual({
			name: 'New starter form',
			description: 'For every new starter',
			instructions: INSTRUCTIONS,
			is_enabled: false,
			fields: FIELDS,
		});
	});

	it('gets one form template and many with the Enabled filter and Limit', async () => {
		const first = seed({ name: 'A' });
		seed({ name: 'B', is_enabled: false });
		seed({ name: 'C' });
		const one = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'get',
			reference: String(first.reference).toUpperCase(),
		});
		expect(one.error).toBeUndefined();
		expect(one.items[0].json).toMatchObject({ reference: first.reference, name: 'A' });
		expect(received(sb())[0]).toMatchObject({
			path: `/form-templates/${first.reference}`,
			status: 200,
		});

		sb().clearRequests();
		const many = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { enabled: true },
		});
		expect(json(many.items).map((t) => t.name)).toEqual(['A']);
		const all = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(json(all.items).map((t) => t.name)).toEqual(['A', 'B', 'C']);
		expect(received(sb()).map((r) => [r.status, r.query])).toEqual([
			[200, { enabled: 'true', page: '1', limit: '1' }],
			[200, { page: '1', limit: '100' }],
		]);
	});

	it('updates only the fields given (a new version when the fields change) and refuses an empty update', async () => {
		const form = seed();
		const fields = [...FIELDS, { id: '5', type: 'textarea', label: 'Notes' }];
		fields[1] = { ...FIELDS[1], fields: ['3', '4', '5'] };
		const result = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'update',
			reference: form.reference,
			updateFields: { name: 'New starter form (internship)', fields: JSON.stringify(fields) },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			name: 'New starter form (internship)',
			version: 2,
			fields,
		});
		expect(received(sb())[0]).toMatchObject({
			method: 'PATCH',
			path: `/form-templates/${form.reference}`,
			status: 200,
		});
		expect(received(sb())[0].body).toEqual({ name: 'New starter form (internship)', fields });

		sb().clearRequests();
		const off = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'update',
			reference: form.reference,
			updateFields: { is_enabled: false },
		});
		expect(off.items[0].json).toMatchObject({ is_enabled: false, version: 2 });
		expect(received(sb())[0].body).toEqual({ is_enabled: false });
		const empty = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'update',
			reference: form.reference,
			updateFields: {},
		});
		expect(empty.error?.message).toBe('"Update Fields" is empty [item 0]');
		expect(received(sb())).toHaveLength(1);
	});

	it('deletes a form template; it is gone afterwards', async () => {
		const form = seed();
		const result = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'delete',
			reference: form.reference,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ reference: form.reference, deleted: true });
		const after = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'get',
			reference: form.reference,
		});
		expect(after.error?.message).toMatch(/^Amiqus: .*\(HTTP 404\)/);
		expect(received(sb()).map((r) => [r.method, r.status])).toEqual([
			['DELETE', 204],
			['GET', 404],
		]);
	});

	it('refuses bad input naming the field and the item before sending anything', async () => {
		const create = (fields: IDataObject[] | string, extra: IDataObject = {}) =>
			runAmiqus(sb(), {
				resource: 'formTemplate',
				operation: 'create',
				name: 'Form',
				fields,
				additionalFields: extra,
			});
		expect((await create('[{"id": "1",')).error?.message).toMatch(
			/^"Fields \(JSON\)" is not valid JSON: .* \[item 0\]$/,
		);
		expect((await create(JSON.stringify([FIELDS[2], FIELDS[0]]))).error?.message).toBe(
			'"Fields (JSON)" must start with a section, got "text" [item 0]',
		);
		expect((await create(JSON.stringify([FIELDS[0]]))).error?.message).toBe(
			'"Fields (JSON)" must be an array of at least two fields [item 0]',
		);
		expect(
			(await create(JSON.stringify(FIELDS), { instructions: '{"text": "hi"}' })).error?.message,
		).toMatch(/^"Instructions \(JSON\)" must be a rich-text document/);
		expect(
			(await create(JSON.stringify(FIELDS), { description: 'x'.repeat(256) })).error?.message,
		).toBe('"Description" is 256 characters long; Amiqus takes at most 255 [item 0]');
		const badRef = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'get',
			reference: '../records',
		});
		expect(badRef.error?.message).toBe(
			'"Form Template Reference" must be a UUID, got "../records" [item 0]',
		);
		expect(received(sb())).toEqual([]);
	});

	it("a field Amiqus does not know fails with Amiqus's own message", async () => {
		const result = await runAmiqus(sb(), {
			resource: 'formTemplate',
			operation: 'create',
			name: 'Form',
			fields: JSON.stringify([FIELDS[0], { id: '2', type: 'signature', label: 'Sign here' }]),
		});
		expect(result.error?.message).toMatch(/^Amiqus: .*\(HTTP 422\)/);
		expect(received(sb())[0]).toMatchObject({ method: 'POST', status: 422 });
	});
});
