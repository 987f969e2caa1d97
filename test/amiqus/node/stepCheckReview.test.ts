import type { IDataObject } from 'n8n-workflow';

import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Step, Check and Step Review', () => {
	const { sb } = useSandbox();

	function seedRecordWithSteps(count: number) {
		const steps = Array.from({ length: count }, () => ({
			type: 'check.dummy',
			preferences: { state: 'pending' },
		}));
		return sb().amiqus.seed.record({ steps, notification: false });
	}

	/** Step › Get Many for a record. */
	const getSteps = async (record: IDataObject, parameters: IDataObject) =>
		await runAmiqus(sb(), {
			resource: 'step',
			operation: 'getAll',
			recordId: byId(record.id as number),
			...parameters,
		});

	describe('Step: get many', () => {
		it('lists the steps of a record with the linked objects expanded', async () => {
			const record = seedRecordWithSteps(3);
			const result = await getSteps(record, {
				returnAll: true,
				options: { expand: ['check', 'review'] },
			});
			expect(result.error).toBeUndefined();
			const steps = json(result.items);
			expect(steps.map((s) => s.id)).toEqual(record.steps.map((s: IDataObject) => s.id));
			expect(steps[0].check).toMatchObject({ object: 'check', type: 'dummy', record: record.id });
			expect(received(sb())[0]).toMatchObject({
				method: 'GET',
				path: `/records/${record.id}/steps`,
				query: { page: '1', limit: '100', expand: 'check,review' },
			});
		});

		it('Limit asks for a page of that size and returns no more', async () => {
			const record = seedRecordWithSteps(5);
			const result = await getSteps(record, { returnAll: false, limit: 2 });
			expect(json(result.items).map((s) => s.id)).toEqual(
				record.steps.slice(0, 2).map((s: IDataObject) => s.id),
			);
			expect(typeof result.items[0].json.check).toBe('number');
			expect(received(sb()).map((r) => r.query)).toEqual([{ page: '1', limit: '2' }]);
		});
	});

	describe('Check: get', () => {
		it('gets a check, with the record and the response expanded on request', async () => {
			const record = seedRecordWithSteps(1);
			const checkId = record.steps[0].check as number;
			const plain = await runAmiqus(sb(), { resource: 'check', operation: 'get', checkId });
			expect(plain.items[0].json).toMatchObject({
				object: 'check',
				id: checkId,
				type: 'dummy',
				record: record.id,
				status: 'pending',
			});
			const expanded = await runAmiqus(sb(), {
				resource: 'check',
				operation: 'get',
				checkId,
				options: { expand: ['record', 'response'] },
			});
			expect(expanded.items[0].json.record).toMatchObject({ object: 'record', id: record.id });
			expect(received(sb()).map((r) => [r.path, r.query])).toEqual([
				[`/checks/${checkId}`, {}],
				[`/checks/${checkId}`, { expand: 'record,response' }],
			]);
		});

		it('refuses a missing check ID without sending anything, and names the item', async () => {
			const result = await runAmiqus(
				sb(),
				{ resource: 'check', operation: 'get', checkId: '={{ $json.check }}' },
				{ items: [{ check: 0 }] },
			);
			expect(result.error?.message).toMatch(
				/^"Check ID" must be a positive whole number, got "0" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('says clearly when the check does not exist', async () => {
			const result = await runAmiqus(sb(), { resource: 'check', operation: 'get', checkId: 777 });
			expect(result.error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		});
	});

	describe('Step Review', () => {
		/** Step Review › Create or Get Many for a step of a record. */
		const review = async (
			operation: string,
			record: IDataObject,
			stepId: number,
			parameters: IDataObject,
		) =>
			await runAmiqus(sb(), {
				resource: 'review',
				operation,
				recordId: byId(record.id as number),
				stepId,
				...parameters,
			});

		it('approves a step and lists its reviews', async () => {
			const record = seedRecordWithSteps(1);
			const stepId = record.steps[0].id as number;
			const created = await review('create', record, stepId, {
				status: 'approved',
				message: 'All documents checked',
			});
			expect(created.error).toBeUndefined();
			expect(created.items[0].json).toMatchObject({
				object: 'step_review',
				status: 'approved',
				from_status: 'pending',
				message: 'All documents checked',
			});
			const [post] = received(sb());
			expect(post).toMatchObject({
				method: 'POST',
				path: `/records/${record.id}/steps/${stepId}/reviews`,
				status: 201,
			});
			expect(post.body).toEqual({ status: 'approved', message: 'All documents checked' });

			const rejected = await review('create', record, stepId, {
				status: 'rejected',
				message: 'Blurry photo',
			});
			expect(rejected.items[0].json).toMatchObject({ status: 'rejected', from_status: 'approved' });

			sb().clearRequests();
			const listed = await review('getAll', record, stepId, {
				returnAll: true,
				options: { sort_by: 'created_at', order_by: 'desc', expandReviewedBy: false },
			});
			expect(json(listed.items).map((r) => r.status)).toEqual(['rejected', 'approved']);
			expect(received(sb())[0]).toMatchObject({
				path: `/records/${record.id}/steps/${stepId}/reviews`,
				query: { page: '1', limit: '100', sort_by: 'created_at', order_by: 'desc' },
			});
		});

		it('Limit on reviews sends the page size', async () => {
			const record = seedRecordWithSteps(1);
			const stepId = record.steps[0].id as number;
			for (const status of ['approved', 'pending', 'approved']) {
				await review('create', record, stepId, { status, message: '' });
			}
			sb().clearRequests();
			const listed = await review('getAll', record, stepId, {
				returnAll: false,
				limit: 2,
				options: { expandReviewedBy: true },
			});
			expect(listed.items).toHaveLength(2);
			expect(received(sb())[0].query).toEqual({ page: '1', limit: '2', expand: 'reviewed_by' });
		});

		it('refuses a rejection without a message, or a message too long, before sending anything', async () => {
			const record = seedRecordWithSteps(1);
			const stepId = record.steps[0].id as number;
			const base = { resource: 'review', operation: 'create', recordId: byId(record.id), stepId };
			const noMessage = await runAmiqus(sb(), { ...base, status: 'rejected', message: '   ' });
			expect(noMessage.error?.message).toMatch(
				/^"Message" is required when the status is Rejected \[item 0\]$/,
			);
			const tooLong = await runAmiqus(sb(), {
				...base,
				status: 'approved',
				message: 'y'.repeat(1001),
			});
			expect(tooLong.error?.message).toMatch(
				/^"Message" must be at most 1000 characters, got 1001 \[item 0\]$/,
			);
			const noStep = await runAmiqus(
				sb(),
				{ ...base, stepId: '={{ $json.step }}', status: 'approved' },
				{ items: [{ step: 'two' }] },
			);
			expect(noStep.error?.message).toMatch(
				/^"Step ID" must be a positive whole number, got "two" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('says clearly when the step is not in the record', async () => {
			const record = seedRecordWithSteps(1);
			const result = await review('create', record, 99999, { status: 'approved' });
			expect(result.error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		});
	});
});
