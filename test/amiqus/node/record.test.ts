import type { IDataObject } from 'n8n-workflow';

import { byId, json, listSearch, received, runAmiqus, useSandbox } from '../helpers';

const FORM_UUID = 'f11b16cd-a03c-4c7e-a151-14b5e1463846';

/** One builder entry per step type, with non-default preferences where the type has any. */
const EVERY_STEP_TYPE: IDataObject[] = [
	{
		type: 'check.photo_id',
		reportType: 'standard',
		docs: ['passport', 'national_id'],
		facialSimilarity: true,
		issuingCountries: ['GBR'],
		rightToWork: true,
	},
	{ type: 'check.photo_id', reportType: 'biometric', allowFallback: true, rightToRent: true },
	{
		type: 'check.criminal_record',
		region: 'england',
		criminalType: 'enhanced',
		enablePayment: true,
	},
	{ type: 'check.criminal_record', region: 'scotland' },
	{
		type: 'check.watchlist',
		silent: false,
		monitor: '3',
		searchProfile: 'sanctions',
		allEntityTypes: true,
	},
	{ type: 'check.dummy', dummyState: 'accepted', replay: true, creditCost: 0, paymentAmount: 1437 },
	{
		type: 'check.hscni_access_ni',
		hscniType: 'enhanced_barring',
		pinNumber: '123456',
		barringChildren: true,
	},
	{ type: 'check.nhs_esr', GMC: true, NMC: true },
	{ type: 'check.reference', years: 5 },
	{ type: 'check.banking_information', balance: true, transactions: '6', customFormTemplateId: 12 },
	{
		type: 'check.employment_referencing',
		employmentType: 'automated_references',
		timeframe: 5,
		gapThreshold: 28,
		supportingEvidence: ['employment', 'gap'],
		reviewReferences: true,
		refereeForm: FORM_UUID,
	},
	{
		type: 'document.request',
		documentSource: 'new',
		title: 'Proof of address',
		instructions: 'A utility bill from the last 3 months',
	},
	{
		type: 'document.transfer',
		documentSource: 'new',
		documentName: 'Engagement letter',
		attachment: 31700,
		requireReturn: true,
		instructions: 'Sign and return',
		returnMessage: 'Thanks',
	},
	{ type: 'form', form: FORM_UUID },
	{ type: 'check.credit' },
	{ type: 'check.identity' },
	{ type: 'check.video' },
	{ type: 'check.thorntons_onboarding' },
];

/** What Amiqus must receive for EVERY_STEP_TYPE. */
const EXPECTED_STEPS: IDataObject[] = [
	{
		type: 'check.photo_id',
		preferences: {
			report_type: 'standard',
			docs: ['passport', 'national_id'],
			facial_similarity: true,
			live_document: false,
			issuing_countries: ['GBR'],
			right_to_work: 'GBR',
		},
	},
	{
		type: 'check.photo_id',
		preferences: { report_type: 'biometric', allow_fallback: true, right_to_rent: 'GBR' },
	},
	{
		type: 'check.criminal_record',
		preferences: { region: 'england', type: 'enhanced', enable_payment: true },
	},
	{ type: 'check.criminal_record', preferences: { region: 'scotland' } },
	{
		type: 'check.watchlist',
		preferences: { silent: false, monitor: 3, search_profile: 'sanctions', all_entity_types: true },
	},
	{
		type: 'check.dummy',
		preferences: {
			state: 'accepted',
			replay: true,
			cancel: false,
			credit_cost: 0,
			payment_amount: 1437,
		},
	},
	{
		type: 'check.hscni_access_ni',
		preferences: {
			type: 'enhanced_barring',
			pin_number: '123456',
			barring_adults: false,
			barring_children: true,
		},
	},
	{
		type: 'check.nhs_esr',
		preferences: { GMC: true, NMC: true, HCP: false, GDC: false, GPC: false },
	},
	{ type: 'check.reference', preferences: { years: 5 } },
	{
		type: 'check.banking_information',
		preferences: { balance: true, transactions: 6, custom_form_template_id: 12 },
	},
	{
		type: 'check.employment_referencing',
		preferences: {
			type: 'automated_references',
			timeframe: 5,
			gap_threshold: 28,
			supporting_evidence: ['employment', 'gap'],
			review_references: true,
			referee_form: FORM_UUID,
		},
	},
	{
		type: 'document.request',
		preferences: {
			title: 'Proof of address',
			instructions: 'A utility bill from the last 3 months',
		},
	},
	{
		type: 'document.transfer',
		preferences: {
			name: 'Engagement letter',
			attachment: 31700,
			require_return: true,
			require_confirmation: false,
			instructions: 'Sign and return',
			return_message: 'Thanks',
		},
	},
	{ type: 'form', preferences: { form: FORM_UUID } },
	{ type: 'check.credit' },
	{ type: 'check.identity' },
	{ type: 'check.video' },
	{ type: 'check.thorntons_onboarding' },
];

describe('Amiqus node: Record', () => {
	const { sb } = useSandbox();

	/** Two clients whose names and emails the filters and the list search tell apart. */
	const seedAliceAndBob = () => ({
		alice: sb().amiqus.seed.client({
			email: 'alice@example.com',
			name: { first_name: 'Alice', last_name: 'Zed' },
		}),
		bob: sb().amiqus.seed.client({
			email: 'bob@example.com',
			name: { first_name: 'Bob', last_name: 'Young' },
		}),
	});

	describe('create', () => {
		it('creates a record with every step type from the builder and returns its perform URL', async () => {
			const client = sb().amiqus.seed.client({});
			// The Document Transfer step sends an uploaded attachment: the sandbox's first one is 31700.
			expect(sb().amiqus.seed.attachment({}).id).toBe(31700);
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				steps: { step: EVERY_STEP_TYPE },
				notification: 'none',
				additionalFields: { message: 'Please complete these checks.', reminder: true },
			});
			expect(result.error).toBeUndefined();
			const record = result.items[0].json;
			expect(record).toMatchObject({
				object: 'record',
				client: client.id,
				status: 'pending',
				has_reminders: true,
			});
			expect(String(record.perform_url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/amiqus\/i\/\w+$/);
			const steps = record.steps as IDataObject[];
			expect(steps.map((s) => s.type)).toEqual(EXPECTED_STEPS.map((s) => s.type));
			expect(new Set(steps.map((s) => s.type)).size).toBe(16);

			const [request] = received(sb());
			expect(request).toMatchObject({ method: 'POST', path: '/records', status: 201 });
			const body = request.body as IDataObject;
			expect(body).toMatchObject({
				client: client.id,
				notification: false,
				message: 'Please complete these checks.',
				reminder: true,
			});
			// The request log keeps the body after the sandbox's validator filled defaults in (see the report),
			// so compare each sent step as a subset and check what the sandbox stored from the original body.
			expect(body.steps).toMatchObject(EXPECTED_STEPS);
			const stored = sb().amiqus.state.records.get(record.id);
			const storedSteps = stored.steps.map((id: number) => sb().amiqus.state.steps.get(id));
			expect(storedSteps[0].preferences).toMatchObject(
				EXPECTED_STEPS[0].preferences as IDataObject,
			);
			expect(storedSteps[4].preferences).toEqual(EXPECTED_STEPS[4].preferences);
			expect(storedSteps[9].preferences).toEqual(EXPECTED_STEPS[9].preferences);
			expect(storedSteps[13].form).toBe(FORM_UUID);
		});

		it('creates a document request step from a document template', async () => {
			const client = sb().amiqus.seed.client({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				steps: {
					step: [{ type: 'document.request', documentSource: 'template', template: 15478 }],
				},
				notification: 'email',
			});
			expect(result.error).toBeUndefined();
			expect((received(sb())[0].body as IDataObject).steps).toEqual([
				{ type: 'document.request', preferences: { template: 15478 } },
			]);
			// The sandbox resolves the template into the title and instructions it carries.
			const steps = result.items[0].json.steps as IDataObject[];
			expect(steps[0].preferences).toMatchObject({ title: 'Utility bill' });
		});

		it('refuses an unknown document template with the sandbox 422 named in the error', async () => {
			const client = sb().amiqus.seed.client({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				steps: { step: [{ type: 'document.request', documentSource: 'template', template: 99 }] },
				notification: 'email',
			});
			expect(result.error?.message).toContain('steps.0.preferences.template');
		});

		it('creates a record from pasted steps JSON', async () => {
			const client = sb().amiqus.seed.client({});
			const steps = [
				{
					type: 'check.photo_id',
					preferences: { report_type: 'standard', docs: ['passport', 'driving_licence'] },
				},
				{ type: 'check.criminal_record', preferences: { region: 'england', type: 'standard' } },
			];
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'stepsJson',
				stepsJson: JSON.stringify(steps),
				notification: 'email',
			});
			expect(result.error).toBeUndefined();
			expect((result.items[0].json.steps as IDataObject[]).map((s) => s.type)).toEqual([
				'check.photo_id',
				'check.criminal_record',
			]);
			const body = received(sb())[0].body as IDataObject;
			expect(body).toMatchObject({ client: client.id, notification: 'email', steps });
			expect(body).not.toHaveProperty('message');
		});

		it('creates a record from a record template', async () => {
			const client = sb().amiqus.seed.client({});
			const template = sb().amiqus.seed.recordTemplate({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'template',
				templateId: template.id,
				assignees: false,
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ object: 'record', client: client.id });
			expect(result.items[0].json.perform_url).toEqual(expect.any(String));
			expect(received(sb())[0].body).toEqual({
				client: client.id,
				template: template.id,
				assignees: false,
			});
		});

		it('refuses invalid steps before sending anything, naming the field, the step and the item', async () => {
			const client = sb().amiqus.seed.client({});
			const base = {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				notification: 'email',
			};
			const cases: Array<[IDataObject, RegExp]> = [
				[{ steps: { step: [] } }, /^"Steps" needs at least one step \[item 0\]$/],
				[
					{ steps: { step: [{ type: 'check.photo_id', reportType: 'standard', docs: [] }] } },
					/^"Steps › Step 1 › Documents" needs at least one document for a standard Photo ID report \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'check.dummy' }, { type: 'form', form: 'not-a-uuid' }] } },
					/^"Steps › Step 2 › Form UUID" must be a UUID, got "not-a-uuid" \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'form' }] } },
					/^"Steps › Step 1 › Form UUID" is required \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'check.hscni_access_ni', pinNumber: '12345' }] } },
					/^"Steps › Step 1 › PIN Number" must be six digits, got "12345" \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'check.nhs_esr' }] } },
					/^"Steps › Step 1 › Registers" needs at least one of GMC/,
				],
				[
					{
						steps: {
							step: [
								{
									type: 'check.photo_id',
									reportType: 'standard',
									docs: ['driving_licence'],
									rightToWork: true,
								},
							],
						},
					},
					/^"Steps › Step 1 › Documents" must include Passport/,
				],
				[
					{ steps: { step: [{ type: 'document.request', title: 'Proof' }] } },
					/^"Steps › Step 1 › Instructions" is required \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'document.transfer', documentName: 'Letter' }] } },
					/^"Steps › Step 1 › Attachment ID" must be a positive whole number, got "0" \[item 0\]$/,
				],
				[
					{ steps: { step: [{ type: 'check.employment_referencing', gapThreshold: 30 }] } },
					/^"Steps › Step 1 › Gap Threshold \(Days\)" must be a multiple of 7 \[item 0\]$/,
				],
				[
					{
						steps: { step: [{ type: 'check.dummy' }] },
						additionalFields: { message: 'x'.repeat(5001) },
					},
					/^"Message" must be at most 5000 characters, got 5001 \[item 0\]$/,
				],
			];
			for (const [params, message] of cases) {
				const result = await runAmiqus(sb(), { ...base, ...params });
				expect(result.error?.message).toMatch(message);
			}
			expect(received(sb())).toEqual([]);
			expect(sb().amiqus.state.records.size).toBe(0);
		});

		it('refuses bad steps JSON, naming the step', async () => {
			const client = sb().amiqus.seed.client({});
			const base = {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'stepsJson',
				notification: 'email',
			};
			const cases: Array<[string, RegExp]> = [
				['[', /^"Steps \(JSON\)" is not valid JSON/],
				['{"type":"check.dummy"}', /^"Steps \(JSON\)" must be a JSON array of steps \[item 0\]$/],
				['[]', /^"Steps \(JSON\)" needs at least one step \[item 0\]$/],
				[
					'[{"type":"check.dummy"},{"type":"check.teleport"}]',
					/^"Steps \(JSON\) › Step 2 › Type" must be one of .*got "check.teleport" \[item 0\]$/,
				],
				[
					'[{"type":"check.photo_id","preferences":{"report_type":"standard"}}]',
					/^"Steps \(JSON\) › Step 1 › Documents" needs at least one document/,
				],
				[
					'[{"type":"check.criminal_record","preferences":{"region":"england"}}]',
					/^"Steps \(JSON\) › Step 1 › Disclosure Level" must be one of basic, standard, enhanced/,
				],
				[
					'[{"type":"check.reference","preferences":{"years":11}}]',
					/^"Steps \(JSON\) › Step 1 › Years" must be a whole number from 1 to 10, got "11"/,
				],
				[
					'[{"type":"check.watchlist","preferences":{"monitor":2}}]',
					/^"Steps \(JSON\) › Step 1 › Monitor" must be 1, 3 or false, got "2"/,
				],
			];
			for (const [stepsJson, message] of cases) {
				const result = await runAmiqus(sb(), { ...base, stepsJson });
				expect(result.error?.message).toMatch(message);
			}
			expect(received(sb())).toEqual([]);
		});

		it('with Continue On Fail, only the item with bad steps fails and all items are paired', async () => {
			const client = sb().amiqus.seed.client({});
			const result = await runAmiqus(
				sb(),
				{
					resource: 'record',
					operation: 'create',
					clientId: byId(client.id),
					createFrom: 'stepsJson',
					stepsJson: '={{ JSON.stringify($json.steps) }}',
					notification: 'none',
				},
				{
					continueOnFail: true,
					items: [
						{ steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }] },
						{
							steps: [
								{ type: 'check.photo_id', preferences: { report_type: 'standard', docs: [] } },
							],
						},
						{ steps: [{ type: 'check.photo_id', preferences: { report_type: 'biometric' } }] },
					],
				},
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json.object).toBe('record');
			expect(result.items[1].json.error).toMatch(
				/"Steps \(JSON\) › Step 1 › Documents" needs at least one document .* \[item 1\]/,
			);
			expect(result.items[2].json.object).toBe('record');
			expect(received(sb())).toHaveLength(2);
			expect(sb().amiqus.state.records.size).toBe(2);
		});

		it('refuses an unknown client with the message of Amiqus', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(424242),
				createFrom: 'steps',
				steps: { step: [{ type: 'check.dummy' }] },
				notification: 'email',
			});
			expect(result.error?.message).toMatch(
				/Amiqus: The provider refused the values sent \(HTTP 422\): client: The selected client is invalid\./,
			);
		});

		it('does not retry a 503 on create: no duplicate record', async () => {
			const client = sb().amiqus.seed.client({});
			sb().faults.add({
				provider: 'amiqus',
				method: 'POST',
				path: '/records',
				status: 503,
				times: 1,
			});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				steps: { step: [{ type: 'check.dummy' }] },
				notification: 'email',
			});
			expect(result.error?.message).toMatch(/HTTP 503/);
			expect(received(sb())).toHaveLength(1);
			expect(sb().amiqus.state.records.size).toBe(0);
		});
	});

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

	describe('get many', () => {
		it('Limit and Return All page through the records', async () => {
			const client = sb().amiqus.seed.client({});
			for (let i = 0; i < 120; i++) sb().amiqus.seed.record({ client: client.id });
			const limited = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
			});
			expect(limited.items).toHaveLength(3);
			expect(received(sb()).map((r) => r.query)).toEqual([{ page: '1', limit: '3' }]);
			sb().clearRequests();
			const all = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
			});
			expect(all.items).toHaveLength(120);
			expect(new Set(json(all.items).map((r) => r.id)).size).toBe(120);
			expect(received(sb()).map((r) => r.query)).toEqual([
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('sends the filters, the sort and the expand', async () => {
			const { alice, bob } = seedAliceAndBob();
			const done = sb().amiqus.seed.record({ client: alice.id });
			sb().amiqus.completeRecord(done.id, { outcome: 'accepted' });
			sb().amiqus.seed.record({ client: bob.id });
			const doneBob = sb().amiqus.seed.record({ client: bob.id });
			sb().amiqus.completeRecord(doneBob.id, { outcome: 'accepted' });
			sb().clearRequests();

			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'complete', visibility: 'active' },
				sort: { sort_by: 'client.name.last_name', order_by: 'asc' },
				options: { expandClient: true },
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items).map((r) => r.id)).toEqual([doneBob.id, done.id]);
			expect((result.items[0].json.client as IDataObject).email).toBe('bob@example.com');
			expect(received(sb())[0].query).toEqual({
				page: '1',
				limit: '100',
				status: 'complete',
				visibility: 'active',
				sort_by: 'client.name.last_name',
				order_by: 'asc',
				expand: 'client',
			});
		});

		it('refuses a malformed assignee without sending anything', async () => {
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
				filters: { assignee: 'bob' },
			});
			expect(result.error?.message).toMatch(
				/^"Assignee" must be a positive whole number, got "bob" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('sends assignee=false for unassigned records', async () => {
			await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { assignee: 'unassigned' },
			});
			expect(received(sb())[0].query).toEqual({ page: '1', limit: '5', assignee: 'false' });
		});

		it('retries a 503 on a page and still returns everything', async () => {
			const client = sb().amiqus.seed.client({});
			for (let i = 0; i < 150; i++) sb().amiqus.seed.record({ client: client.id });
			sb().faults.add({
				provider: 'amiqus',
				method: 'GET',
				path: '/records',
				status: 503,
				times: 1,
			});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'getAll',
				returnAll: true,
			});
			expect(result.items).toHaveLength(150);
			expect(received(sb()).map((r) => `${r.query.page} ${r.status}`)).toEqual([
				'1 503',
				'1 200',
				'2 200',
			]);
		});
	});

	describe('list search', () => {
		it('lists the newest records first and filters on the name and email', async () => {
			const { alice, bob } = seedAliceAndBob();
			const first = sb().amiqus.seed.record({ client: alice.id });
			sb().amiqus.seed.record({ client: bob.id });
			const last = sb().amiqus.seed.record({ client: alice.id });
			sb().clearRequests();
			const all = await listSearch(sb(), 'searchRecords', 'recordId');
			expect(all.results.map((r) => r.value)).toHaveLength(3);
			const found = await listSearch(sb(), 'searchRecords', 'recordId', 'alice');
			expect(found.results.map((r) => r.value)).toEqual([String(last.id), String(first.id)]);
			expect(found.results[0].name).toBe(
				`#${last.id} Martin McFly <alice@example.com> (pending)`.replace(
					'Martin McFly',
					'Alice Zed',
				),
			);
			expect(found.paginationToken).toBeUndefined();
			expect(received(sb())[1].query).toEqual({
				page: '1',
				limit: '50',
				sort_by: 'created_at',
				order_by: 'desc',
			});
		});
	});
});
