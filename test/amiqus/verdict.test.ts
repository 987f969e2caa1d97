import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	CHECK_STATUS,
	RECORD_STATUS,
	REVIEW_STATUS,
	checkVerification,
	photoIdDetails,
	recordVerification,
} from '../../nodes/Amiqus/verdict';
import { buildWorkflow, credentialsHelperWith, packageNode, typeName } from '../harness/engine';
import { WebhookHost } from '../harness/webhooks';
import { byId, runAmiqus, useSandbox } from './helpers';

/** Amiqus: every documented record, check and review status, produced by the sandbox where it can. */
describe('verdict: Amiqus', () => {
	const { sb } = useSandbox();
	const direct = (path: string) =>
		axios.get(`${sb().amiqus.baseUrl}${path}`, {
			headers: { Authorization: `Bearer ${sb().amiqus.config.personalTokens[0]}` },
		});
	const getRecord = async (id: number, options: IDataObject = {}, extra: IDataObject = {}) => {
		const run = await runAmiqus(sb(), {
			resource: 'record',
			operation: 'get',
			recordId: byId(id),
			options,
			...extra,
		});
		expect(run.error).toBeUndefined();
		return run.items[0].json;
	};
	const twoSteps = () =>
		sb().amiqus.seed.record({
			steps: [
				{ type: 'check.dummy', preferences: { state: 'accepted' } },
				{ type: 'check.dummy', preferences: { state: 'accepted' } },
			],
		}) as IDataObject;
	const stepsOf = (record: IDataObject) => record.steps as IDataObject[];
	const checkIdOf = (step: IDataObject) =>
		(typeof step.check === 'object' ? (step.check as IDataObject).id : step.check) as number;

	const produced: Record<string, () => Promise<number>> = {
		pending: async () => twoSteps().id as number,
		started: async () => {
			const r = twoSteps();
			sb().amiqus.completeStep(r.id, stepsOf(r)[0].id, { outcome: 'accepted' });
			return r.id as number;
		},
		waiting: async () => {
			const r = twoSteps();
			sb().amiqus.setCheckStatus(checkIdOf(stepsOf(r)[0]), 'submitted');
			return r.id as number;
		},
		paused: async () => {
			const r = twoSteps();
			sb().amiqus.setCheckStatus(checkIdOf(stepsOf(r)[0]), 'paused');
			return r.id as number;
		},
		complete: async () => {
			const r = twoSteps();
			sb().amiqus.completeRecord(r.id);
			return r.id as number;
		},
		incomplete: async () => {
			const r = twoSteps();
			sb().amiqus.completeStep(r.id, stepsOf(r)[0].id, { outcome: 'accepted' });
			sb().amiqus.expireRecord(r.id);
			return r.id as number;
		},
		empty: async () => {
			const r = twoSteps();
			sb().amiqus.expireRecord(r.id);
			return r.id as number;
		},
		reviewed: async () => {
			const r = twoSteps();
			sb().amiqus.completeRecord(r.id);
			await axios.patch(
				`${sb().amiqus.baseUrl}/records/${r.id as number}`,
				{ is_reviewed: true },
				{ headers: { Authorization: `Bearer ${sb().amiqus.config.personalTokens[0]}` } },
			);
			return r.id as number;
		},
	};

	it('the tables hold exactly the documented values (amiqus.md §6)', () => {
		expect(Object.keys(RECORD_STATUS).sort()).toEqual(
			[
				'pending',
				'started',
				'complete',
				'incomplete',
				'waiting',
				'failed',
				'empty',
				'paused',
				'amendments',
				'reviewed',
			].sort(),
		);
		expect(Object.keys(CHECK_STATUS).sort()).toEqual([
			'accepted',
			'failed',
			'paused',
			'pending',
			'refer',
			'rejected',
			'submitted',
		]);
		expect(Object.keys(REVIEW_STATUS).sort()).toEqual(['approved', 'pending', 'rejected']);
	});

	it.each(Object.keys(produced))(
		'record status %s, produced by the sandbox, maps through the table; raw data untouched',
		async (providerStatus) => {
			const id = await produced[providerStatus]();
			const out = await getRecord(id);
			const { verification, ...raw } = out;
			expect(verification).toMatchObject({
				provider: 'amiqus',
				ids: { recordId: id },
				providerStatus,
				status: RECORD_STATUS[providerStatus],
			});
			expect(raw).toEqual((await direct(`/records/${id}`)).data);
		},
	);

	// amendments and failed: the sandbox cannot produce them; incomplete: the table's value spelled out.
	it.each([
		['amendments', 'needs_review'],
		['failed', 'rejected'],
		['incomplete', 'expired'],
	])('record status %s is %s', (providerStatus, status) => {
		expect(recordVerification({ id: 7, status: providerStatus }).status).toBe(status);
	});

	it.each(Object.keys(CHECK_STATUS))(
		'check status %s, produced by the sandbox, maps through the table (Check: Get)',
		async (checkStatus) => {
			const r = twoSteps();
			const checkId = checkIdOf(stepsOf(r)[0]);
			sb().amiqus.setCheckStatus(checkId, checkStatus);
			const run = await runAmiqus(sb(), {
				resource: 'check',
				operation: 'get',
				checkId,
				options: {},
			});
			expect(run.error).toBeUndefined();
			const { verification, ...raw } = run.items[0].json;
			expect(verification).toMatchObject({
				provider: 'amiqus',
				ids: { checkId, recordId: r.id },
				providerStatus: checkStatus,
				status: CHECK_STATUS[checkStatus],
			});
			expect(raw).toEqual((await direct(`/checks/${checkId}`)).data);
		},
	);

	it.each([
		['accepted', 'verified'],
		['rejected', 'rejected'],
		['refer', 'needs_review'],
		['failed', 'rejected'],
	])(
		'a finished record whose checks end %s is %s with Include Check Results, raw data untouched',
		async (outcome, status) => {
			const r = twoSteps();
			sb().amiqus.completeRecord(r.id, { outcome });
			const before = await getRecord(r.id as number);
			const out = await getRecord(r.id as number, { includeChecks: true });
			// Without the checks a finished record is only known to need a look.
			expect((before.verification as IDataObject).status).toBe('needs_review');
			expect(out.verification).toMatchObject({
				provider: 'amiqus',
				status,
				providerStatus: 'complete',
				ids: { recordId: r.id },
			});
			const { verification: _v, steps_detail: _s, ...raw } = out;
			const { verification: _w, ...rawBefore } = before;
			expect(raw).toEqual(rawBefore);
			if (status !== 'verified')
				expect((out.verification as IDataObject).reasons).toContainEqual(
					expect.objectContaining({ code: `dummy.${outcome}` }),
				);
			if (status === 'verified' || status === 'rejected')
				expect((out.verification as IDataObject).decidedAt).toEqual(expect.any(String));
		},
	);

	it.each([
		['approved', 'verified'],
		['rejected', 'rejected'],
		['pending', 'needs_review'],
	])(
		'a step review %s (created through the node) makes a referred record %s',
		async (reviewStatus, status) => {
			const r = twoSteps();
			sb().amiqus.completeRecord(r.id, { outcome: 'refer' });
			for (const step of stepsOf(r)) {
				const review = await runAmiqus(sb(), {
					resource: 'review',
					operation: 'create',
					recordId: byId(r.id as number),
					stepId: step.id,
					status: reviewStatus,
					message: 'Checked by hand',
				});
				expect(review.error).toBeUndefined();
			}
			const out = await getRecord(r.id as number, { includeChecks: true });
			expect(out.verification).toMatchObject({ status });
		},
	);

	it('person from the record name and the expanded client, document from a Photo ID response', async () => {
		const r = sb().amiqus.seed.record({
			steps: [
				{ type: 'check.photo_id', preferences: { report_type: 'standard', docs: ['passport'] } },
			],
		}) as IDataObject;
		sb().amiqus.completeRecord(r.id, { outcome: 'accepted' });
		const out = await getRecord(r.id as number, { includeChecks: true, expandClient: true });
		expect(out.verification).toMatchObject({
			status: 'verified',
			person: { firstName: 'Martin', lastName: 'McFly' },
		});
		expect(out.check_responses).toEqual({
			[String(checkIdOf(stepsOf(r)[0]))]: expect.objectContaining({
				object: 'check_response.photo_id',
			}),
		});
		// Amiqus reports no extracted names or numbers: only the media's document type and issuing country.
		expect(
			photoIdDetails({
				object: 'check_response.photo_id',
				status: 'complete',
				result: 'consider',
				reports: [
					{ type: 'document', result: 'suspected' },
					{ type: 'facial_similarity_photo', result: 'clear' },
				],
				media: [
					{ type: 'photo' },
					{ type: 'document', document_type: 'passport', side: 'front', issuing_country: 'GBR' },
				],
			}),
		).toEqual({
			document: { type: 'passport', issuingCountry: 'GBR' },
			reasons: [
				{
					code: 'photo_id.document.suspected',
					text: 'The Photo ID document report result is "suspected"',
				},
			],
		});
		const check = checkVerification({
			id: 5,
			type: 'photo_id',
			record: 9,
			status: 'rejected',
			response: {
				object: 'check_response.photo_id',
				reports: [],
				media: [{ type: 'document', document_type: 'driving_licence', issuing_country: 'IRL' }],
			},
		});
		expect(check).toMatchObject({
			status: 'rejected',
			document: { type: 'driving_licence', issuingCountry: 'IRL' },
			ids: { checkId: 5, recordId: 9 },
		});
	});

	it('unknown or missing values are a visible unknown, never a success', () => {
		for (const status of ['brand_new', '', null, undefined, 3, 'COMPLETE']) {
			const v = recordVerification({ id: 1, status } as IDataObject);
			expect(v.status).toBe('unknown');
		}
		expect(recordVerification({ id: 1 }).status).toBe('unknown');
		expect(recordVerification({ id: 1, status: 'nope' }).reasons).toContainEqual({
			code: 'record.nope',
			text: expect.stringMatching(/does not know/),
		});
		expect(checkVerification({ id: 1, status: 'approved_maybe' }).status).toBe('unknown');
		// An unknown check status makes a finished record unknown too (worst first).
		expect(
			recordVerification({ id: 1, status: 'complete' }, [
				{ check: { type: 'dummy', status: 'weird' }, review: null },
			]).status,
		).toBe('unknown');
		expect(
			recordVerification({ id: 1, status: 'complete' }, [
				{ check: { type: 'dummy', status: 'accepted' }, review: { status: 'odd' } },
			]).status,
		).toBe('unknown');
	});

	it('Simplify returns only the verification and the key ids and links', async () => {
		const r = twoSteps();
		sb().amiqus.completeRecord(r.id);
		const out = await getRecord(r.id as number, { includeChecks: true }, { simplify: true });
		expect(Object.keys(out).sort()).toEqual(
			['created_at', 'expired_at', 'id', 'perform_url', 'status', 'updated_at', 'verification']
				.filter((k) => k in out)
				.sort(),
		);
		expect(out).not.toHaveProperty('steps');
		expect(out).not.toHaveProperty('steps_detail');
		expect(out).toMatchObject({
			id: r.id,
			status: 'complete',
			verification: { status: 'verified' },
		});
	});
});

/** The Amiqus Trigger adds the shared verification when it reads the record (and its checks). */
describe('verdict: Amiqus Trigger', () => {
	const { sb } = useSandbox();
	const hosts: WebhookHost[] = [];
	afterEach(async () => {
		await Promise.all(hosts.splice(0).map(async (host) => await host.stop()));
	});

	const start = async (options: IDataObject) => {
		const workflow = buildWorkflow({
			nodes: [
				packageNode(
					'Amiqus Trigger',
					typeName('amiqusTrigger'),
					{ events: ['record.finished'], options },
					{
						webhookId: 'c0ffee00-0000-4000-8000-0000000000v1',
						credentials: { amiqusApi: { id: 'amiqusApi', name: 'Amiqus sandbox' } },
					},
				),
				packageNode('Out', 'n8n-nodes-base.noOp', {}),
			],
			connections: { 'Amiqus Trigger': { main: [[{ node: 'Out', type: 'main', index: 0 }]] } },
		});
		const helper = credentialsHelperWith({
			amiqusApi: {
				accessToken: sb().amiqus.config.personalTokens[0],
				baseUrl: sb().amiqus.baseUrl,
			},
		});
		const host = await new WebhookHost(workflow, helper).start();
		hosts.push(host);
		await host.activate();
		return host;
	};

	it.each([
		[{ fetchFullResource: true }, 'rejected', 'needs_review'],
		[{ fetchFullResource: true, includeChecks: true }, 'rejected', 'rejected'],
		[{ fetchFullResource: true, includeChecks: true }, 'accepted', 'verified'],
	])('with %j a record whose checks end %s emits %s', async (options, outcome, status) => {
		const host = await start(options);
		const record = sb().amiqus.seed.record({
			steps: [{ type: 'check.dummy', preferences: { state: outcome } }],
		}) as IDataObject;
		sb().amiqus.completeRecord(Number(record.id), { outcome });
		await host.waitForExecutions(1, 20_000);
		const [item] = host.executions[0].output('Out').map((i) => i.json);
		expect(item.verification).toMatchObject({
			provider: 'amiqus',
			ids: { recordId: record.id },
			providerStatus: 'complete',
			status,
		});
		// The signed payload stays as delivered; the verdict sits next to it.
		expect(item.payload).toMatchObject({ trigger: { alias: 'record.finished' } });
		if ((options as IDataObject).includeChecks) expect(item.steps).toHaveLength(1);
	});

	it('without Fetch Full Resource the payload holds only IDs, so no verification is made up', async () => {
		const host = await start({});
		const record = sb().amiqus.seed.record() as IDataObject;
		sb().amiqus.completeRecord(Number(record.id));
		await host.waitForExecutions(1, 20_000);
		expect(host.executions[0].output('Out')[0].json.verification).toBeUndefined();
	});
});
