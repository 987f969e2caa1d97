import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { SESSION_STATUS, sessionVerification } from '../../nodes/Nevis/verdict';
import { runNode, typeName } from '../harness/engine';
import { useSandbox } from '../harness/sandbox';
import { KEY } from './helpers';

/** Nevis: every documented session status, produced by the sandbox. */
describe('verdict: Nevis', () => {
	const sb = useSandbox();

	const run = async (parameters: IDataObject) => {
		const out = await runNode({
			type: typeName('nevis'),
			parameters: { resource: 'identityVerificationSession', ...parameters },
			credentials: { nevisApi: { accessToken: KEY, baseUrl: sb.nevis.baseUrl } as never },
		});
		expect(out.error).toBeUndefined();
		return out.items[0].json;
	};
	const direct = async (sessionId: string) =>
		(
			await axios.get(`${sb.nevis.baseUrl}/api/v1/idverification/sessions/${sessionId}`, {
				headers: { Authorization: `Bearer ${KEY}` },
			})
		).data;

	const drive: Record<string, (id: string) => void> = {
		pending: () => undefined,
		in_progress: (id) => sb.nevis.startSession(id),
		verified: (id) => sb.nevis.finishSession(id, 'verified'),
		failed: (id) => sb.nevis.finishSession(id, 'failed'),
	};

	it('the table holds exactly the documented values (nevis.md §5)', () => {
		expect(Object.keys(SESSION_STATUS).sort()).toEqual(Object.keys(drive).sort());
	});

	it.each(Object.keys(drive))(
		'session %s, produced by the sandbox, maps through the table; raw data untouched',
		async (providerStatus) => {
			const { sessionId } = (await run({ operation: 'start' })) as { sessionId: string };
			drive[providerStatus](sessionId);
			const { verification, ...raw } = await run({
				operation: 'get',
				sessionId: { __rl: true, mode: 'id', value: sessionId },
			});
			expect(verification).toMatchObject({
				provider: 'nevis',
				ids: { sessionId },
				providerStatus,
				status: SESSION_STATUS[providerStatus],
			});
			if (providerStatus === 'verified') {
				expect(verification).toMatchObject({
					person: { firstName: 'Anna', lastName: 'Muster', dateOfBirth: '1990-04-23' },
					document: {
						type: 'PASSPORT',
						number: 'X1234567',
						issuingCountry: 'CHE',
						expiryDate: '2031-01-31',
					},
				});
			}
			if (providerStatus === 'failed')
				expect((verification as IDataObject).reasons).toContainEqual({
					code: 'DOCUMENT_EXPIRED',
					text: expect.any(String),
				});
			expect(raw).toEqual(await direct(sessionId));
		},
	);

	it('unknown or missing values are a visible unknown, never a success', () => {
		for (const status of ['VERIFIED', 'success', 'expired', '', null, undefined]) {
			expect(sessionVerification({ status } as IDataObject, '123456789').status).toBe('unknown');
		}
	});
});
