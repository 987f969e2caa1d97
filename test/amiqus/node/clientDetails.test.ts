import type { IDataObject } from 'n8n-workflow';

import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: client address, records, corrections and forms', () => {
	const { sb } = useSandbox();

	describe('Address', () => {
		it('Set Address replaces the whole address (lines left out are cleared); Get Address reads it back', async () => {
			const client = sb().amiqus.seed.client({});
			const set = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'setAddress',
				clientId: byId(client.id),
				country: 'GB',
				addressFields: {
					house_number: ' 12 ',
					street_name: 'High Street',
					city: 'Edinburgh',
					postcode: 'EH1 1AA',
				},
			});
			expect(set.error).toBeUndefined();
			expect(received(sb())[0]).toMatchObject({
				method: 'PUT',
				path: `/clients/${client.id}/address`,
				status: 200,
				body: {
					country: 'GB',
					unit: null,
					house_name: null,
					house_number: '12',
					street_name: 'High Street',
					second_street: null,
					district: null,
					city: 'Edinburgh',
					province: null,
					postcode: 'EH1 1AA',
				},
			});
			const get = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getAddress',
				clientId: byId(client.id),
			});
			expect(get.items[0].json).toMatchObject({
				object: 'address',
				house_number: '12',
				city: 'Edinburgh',
				country: 'GB',
				unit: null,
			});
		});

		it('passes on the lines the country requires, and refuses an unknown country before sending', async () => {
			const client = sb().amiqus.seed.client({});
			const noPostcode = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'setAddress',
				clientId: byId(client.id),
				country: 'FR',
				addressFields: { city: 'Paris' },
			});
			expect(noPostcode.error?.message).toMatch(
				/\(HTTP 422\): postcode: The postcode field is required\./,
			);
			const unknown = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'setAddress',
				clientId: byId(client.id),
				country: 'ZZ',
			});
			expect(unknown.error?.message).toBe(
				'"Country" must be a two-letter country code Amiqus knows, got "ZZ" [item 0]',
			);
			expect(received(sb())).toHaveLength(1);
		});
	});

	describe('Records of a client', () => {
		it("lists only that client's records, pages with Limit and can include the client", async () => {
			const client = sb().amiqus.seed.client({});
			const other = sb().amiqus.seed.client({ email: 'other@example.com' });
			const mine = [
				sb().amiqus.seed.record({ client: client.id }),
				sb().amiqus.seed.record({ client: client.id }),
				sb().amiqus.seed.record({ client: client.id }),
			];
			sb().amiqus.seed.record({ client: other.id });
			const limited = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getRecords',
				clientId: byId(client.id),
				returnAll: false,
				limit: 2,
			});
			expect(json(limited.items).map((r) => r.id)).toEqual([mine[0].id, mine[1].id]);
			const all = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getRecords',
				clientId: byId(client.id),
				returnAll: true,
				options: { expandClient: true },
			});
			expect(json(all.items).map((r) => r.id)).toEqual(mine.map((r) => r.id));
			expect(all.items[0].json.client).toMatchObject({ object: 'client', id: client.id });
			expect(all.items[0].json.verification).toBeDefined();
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '2' },
				{ page: '1', limit: '100', expand: 'client' },
			]);
		});
	});

	describe('Corrections', () => {
		it('lists the corrections by status, newest first, with the record expanded', async () => {
			const client = sb().amiqus.seed.client({});
			const record = sb().amiqus.seed.record({ client: client.id });
			const first = sb().amiqus.seed.correction({
				clientId: client.id,
				recordId: record.id,
				first_name: 'Marty',
			});
			sb().amiqus.seed.correction({ clientId: client.id, status: 'rejected' });
			const second = sb().amiqus.seed.correction({ clientId: client.id, first_name: 'Martin' });
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getCorrections',
				clientId: byId(client.id),
				returnAll: true,
				filters: { status: 'pending' },
				options: { expand: ['record'], order_by: 'desc' },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items).map((c) => c.id)).toEqual([second, first]);
			expect(result.items[1].json.record).toMatchObject({ object: 'record', id: record.id });
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				status: 'pending',
				expand: 'record',
				sort_by: 'created_at',
				order_by: 'desc',
			});
		});

		it('accepts a correction with an amended last name: the client is renamed', async () => {
			const client = sb().amiqus.seed.client({});
			const id = sb().amiqus.seed.correction({
				clientId: client.id,
				first_name: 'Marty',
				middle_name: 'S',
				last_name: 'Mcfly',
			});
			const result = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'updateCorrection',
				clientId: byId(client.id),
				correctionId: String(id),
				status: 'accepted',
				amendment: { last_name: 'McFly', middle_name: '' },
			});
			expect(result.error).toBeUndefined();
			expect(received(sb())[0]).toMatchObject({
				method: 'PATCH',
				path: `/clients/${client.id}/corrections/${id}`,
				body: { status: 'accepted', correction: { last_name: 'McFly', middle_name: null } },
			});
			expect(result.items[0].json).toMatchObject({
				object: 'client_correction',
				status: 'accepted',
				correction: { first_name: 'Marty', middle_name: null, last_name: 'McFly' },
			});
			expect(sb().amiqus.state.clients.get(client.id).name).toMatchObject({
				first_name: 'Marty',
				last_name: 'McFly',
			});
		});

		it('rejects a correction with the status alone; a second decision is refused by Amiqus', async () => {
			const client = sb().amiqus.seed.client({});
			const id = sb().amiqus.seed.correction({ clientId: client.id });
			const base = {
				resource: 'client',
				operation: 'updateCorrection',
				clientId: byId(client.id),
				correctionId: String(id),
				status: 'rejected',
				amendment: { first_name: 'Ignored' },
			};
			const rejected = await runAmiqus(sb(), base);
			expect(received(sb())[0].body).toEqual({ status: 'rejected' });
			expect(rejected.items[0].json).toMatchObject({ status: 'rejected' });
			expect(sb().amiqus.state.clients.get(client.id).name.first_name).toBe('Martin');
			const again = await runAmiqus(sb(), base);
			expect(again.error?.message).toMatch(
				/\(HTTP 405\): The correction has already been rejected\./,
			);
		});

		it('an empty first name in the amendment or an unsafe correction ID is refused before sending', async () => {
			const client = sb().amiqus.seed.client({});
			const empty = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'updateCorrection',
				clientId: byId(client.id),
				correctionId: '5',
				status: 'accepted',
				amendment: { first_name: ' ' },
			});
			expect(empty.error?.message).toBe('"First Name" is required [item 0]');
			const unsafe = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'updateCorrection',
				clientId: byId(client.id),
				correctionId: '../5',
				status: 'rejected',
			});
			expect(unsafe.error?.message).toMatch(/^"Correction ID" is not a valid ID/);
			expect(received(sb())).toEqual([]);
		});
	});

	describe('Forms', () => {
		it("lists a client's forms by type, gets one and downloads it as a PDF file", async () => {
			const client = sb().amiqus.seed.client({});
			const record = sb().amiqus.seed.record({ client: client.id });
			const requested = sb().amiqus.seed.form({
				clientId: client.id,
				recordId: record.id,
				name: 'New starter form',
				value: 'Engineer',
			});
			sb().amiqus.seed.form({ clientId: client.id, name: 'Checklist' });
			const list = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getForms',
				clientId: byId(client.id),
				returnAll: true,
				filters: { type: 'requested' },
				options: { expand: ['client'] },
			});
			expect(json(list.items).map((f) => f.reference)).toEqual([requested.reference]);
			expect(list.items[0].json.client).toMatchObject({ object: 'client', id: client.id });
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				type: 'requested',
				expand: 'client',
			});

			const one = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getForm',
				clientId: byId(client.id),
				formReference: requested.reference,
			});
			expect(one.items[0].json).toMatchObject({
				object: 'client_form',
				reference: requested.reference,
				record: record.id,
				name: 'New starter form',
			});

			const download = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'downloadForm',
				clientId: byId(client.id),
				formReference: requested.reference,
				binaryPropertyName: 'pdf',
			});
			expect(download.error).toBeUndefined();
			const [item] = download.items;
			expect(item.json).toMatchObject({
				clientId: client.id,
				formReference: requested.reference,
				fileName: 'New starter form.pdf',
				mimeType: 'application/pdf',
			});
			const binary = item.binary?.pdf as IDataObject;
			expect(binary).toMatchObject({
				mimeType: 'application/pdf',
				fileName: 'New starter form.pdf',
			});
			expect(Buffer.from(String(binary.data), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
			expect(received(sb())[2]).toMatchObject({
				method: 'GET',
				path: `/clients/${client.id}/forms/${requested.reference}/download`,
				status: 200,
			});
		});

		it('a form reference that is not a UUID is refused before sending; an unknown one is a 404', async () => {
			const client = sb().amiqus.seed.client({});
			const bad = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'getForm',
				clientId: byId(client.id),
				formReference: 'form-1',
			});
			expect(bad.error?.message).toBe('"Form Reference" must be a UUID, got "form-1" [item 0]');
			const missing = await runAmiqus(sb(), {
				resource: 'client',
				operation: 'downloadForm',
				clientId: byId(client.id),
				formReference: 'f11b16cd-a03c-4c7e-a151-14b5e1463846',
			});
			expect(missing.error?.message).toMatch(/^Amiqus: The resource was not found \(HTTP 404\)/);
			expect(received(sb())).toHaveLength(1);
		});
	});
});
