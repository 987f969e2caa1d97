import type { IDataObject } from 'n8n-workflow';

import { byId, json, received, runAmiqus, useSandbox } from '../helpers';
import { EVERY_STEP_TYPE, EXPECTED_STEPS, FORM_UUID } from './recordSteps';

describe('Amiqus node: Record', () => {
	const { sb } = useSandbox();

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
});
