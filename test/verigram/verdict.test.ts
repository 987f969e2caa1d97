import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { FLOW_STATUS, flowVerification } from '../../nodes/Verigram/verdict';
import { runNode, typeName } from '../harness/engine';
import { useSandbox } from '../harness/sandbox';
import { TEST_KEY } from './helpers';

/** Verigram: pass and fail, an unfinished flow, end causes, per-service data; produced by the sandbox. */
describe('verdict: Verigram', () => {
	const sb = useSandbox();

	const run = async (parameters: IDataObject) => {
		const out = await runNode({
			type: typeName('verigram'),
			parameters,
			credentials: {
				verigramApi: { apiKey: TEST_KEY, host: 'custom', baseUrl: sb.verigram.baseUrl } as never,
			},
		});
		expect(out.error).toBeUndefined();
		return out.items[0].json;
	};
	const newFlow = async () =>
		(
			await run({
				resource: 'flow',
				operation: 'create',
				callbackUrl: 'https://example.com/cb',
				personId: 'client-1',
				locale: 'en',
			})
		).flow_id as string;
	const getResult = async (flowId: string, extra: IDataObject = {}) =>
		await run({
			resource: 'flow',
			operation: 'getResult',
			flowId: { __rl: true, mode: 'id', value: flowId },
			...extra,
		});
	const direct = async (flowId: string) =>
		(
			await axios.get(`${sb.verigram.baseUrl}/flow/${flowId}/result`, {
				headers: { 'X-Verigram-Api-Key': TEST_KEY, 'X-Verigram-Api-Version': '2.0' },
			})
		).data;

	it('the table holds exactly the documented values (verigram.md §5)', () => {
		expect(FLOW_STATUS).toEqual({ pass: 'verified', fail: 'rejected' });
	});

	it.each([
		['pass', 'completed', 'verified'],
		['fail', 'completed', 'rejected'],
		['pass', 'timeout', 'needs_review'],
		['fail', 'expired', 'rejected'],
	])(
		'a flow finished %s with end_cause %s is %s; raw data untouched',
		async (outcome, endCause, status) => {
			const flowId = await newFlow();
			sb.verigram.finishFlow(flowId, outcome, endCause);
			const { verification, ...raw } = await getResult(flowId);
			expect(verification).toMatchObject({
				provider: 'verigram',
				ids: { flowId },
				providerStatus: outcome,
				status,
			});
			const v = verification as IDataObject;
			if (status !== 'verified') expect(v.reasons).not.toEqual([]);
			if (outcome === 'fail' && endCause === 'completed')
				expect(v.reasons).toContainEqual(expect.objectContaining({ code: 'kisc.fail' }));
			if (endCause !== 'completed')
				expect(v.reasons).toContainEqual(
					expect.objectContaining({ code: `end_cause.${endCause}` }),
				);
			expect(v.decidedAt).toEqual(raw.finished_at ?? null);
			expect(raw).toEqual(await direct(flowId));
		},
	);

	it('an unfinished flow (no flow_status) is in_progress; an undocumented in-progress value is unknown', async () => {
		const flowId = await newFlow();
		expect((await getResult(flowId)).verification).toMatchObject({
			status: 'in_progress',
			providerStatus: null,
		});
		sb.verigram.setConfig({ unfinishedResult: 'in_progress' });
		const out = await getResult(flowId);
		expect(out.verification).toMatchObject({ status: 'unknown', providerStatus: 'in_progress' });
		expect((out.verification as IDataObject).reasons).toContainEqual(
			expect.objectContaining({ code: 'flow_status.in_progress' }),
		);
	});

	it('an expired flow, produced by the sandbox clock, is rejected with its end cause', async () => {
		const flowId = await newFlow();
		sb.advanceClock((sb.verigram.config.flowTtlSeconds + 1) * 1000);
		const out = await getResult(flowId);
		expect(out.verification).toMatchObject({ status: 'rejected', providerStatus: 'fail' });
		expect((out.verification as IDataObject).reasons).toContainEqual(
			expect.objectContaining({ code: `end_cause.${sb.verigram.config.expiredEndCause}` }),
		);
	});

	it('fills the person and document from per-service data when a service returns them', async () => {
		sb.verigram.setConfig({
			serviceResults: {
				pass: [
					{ service_name: 'verilive', service_status: 'success', liveness: true },
					{
						service_name: 'docscan',
						service_status: 'success',
						document: {
							first_name: 'AIGERIM',
							last_name: 'SEITOVA',
							date_of_birth: '1992-03-04',
							document_type: 'id_card',
							document_number: '041234567',
							issuing_country: 'KAZ',
							expiry_date: '2030-08-09',
						},
					},
				],
			},
		});
		const flowId = await newFlow();
		sb.verigram.finishFlow(flowId, 'pass');
		const { verification, ...raw } = await getResult(flowId);
		expect(verification).toMatchObject({
			status: 'verified',
			person: { firstName: 'AIGERIM', lastName: 'SEITOVA', dateOfBirth: '1992-03-04' },
			document: {
				type: 'id_card',
				number: '041234567',
				issuingCountry: 'KAZ',
				expiryDate: '2030-08-09',
			},
		});
		expect(raw).toEqual(await direct(flowId));
		// The default fixtures carry no personal data: nothing is invented.
		sb.reset();
		const plain = await newFlow();
		sb.verigram.finishFlow(plain, 'pass');
		expect((await getResult(plain)).verification).toMatchObject({ person: null, document: null });
	});

	it('unknown values are a visible unknown, never a success', () => {
		for (const flow_status of ['PASS', 'passed', 'success', 0]) {
			expect(flowVerification({ flow_status } as IDataObject, 'f').status).toBe('unknown');
		}
	});

	it('Simplify: only the verification and the key ids', async () => {
		// flow_id, person_id and finished_at are not documented in a result: the sandbox sends them only when asked.
		sb.verigram.setConfig({ resultExtraFields: true });
		const flowId = await newFlow();
		sb.verigram.finishFlow(flowId, 'pass');
		const out = await getResult(flowId, { simplify: true });
		expect(out).not.toHaveProperty('services');
		expect(out).toMatchObject({
			flow_id: flowId,
			person_id: 'client-1',
			flow_status: 'pass',
			end_cause: 'completed',
			verification: { status: 'verified' },
		});
	});
});
