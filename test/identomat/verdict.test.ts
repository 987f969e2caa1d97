import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { RESULT_STATUS, resultVerification } from '../../nodes/Identomat/verdict';
import { runNode, typeName } from '../harness/engine';
import { credentials, PLAIN, useSandbox } from './helpers';

/** Identomat: the documented result values, plus the sandbox's undocumented ones, which must be unknown. */
describe('verdict: Identomat', () => {
	const sandbox = useSandbox();
	const op = async (operation: string, parameters: IDataObject) => {
		const out = await runNode({
			type: typeName('identomat'),
			parameters: { resource: 'session', operation, ...parameters },
			credentials: credentials(sandbox(), PLAIN),
		});
		expect(out.error).toBeUndefined();
		return out.items[0].json;
	};
	const newSession = async () =>
		(await op('begin', { configurationMode: 'json', configurationJson: '{}' }))
			.session_token as string;
	const direct = async (token: string) =>
		(
			await axios.post(`${sandbox().identomat.baseUrl}/external-api/result/`, {
				company_key: sandbox().identomat.config.companies[PLAIN].companyKey,
				session_token: token,
			})
		).data;

	it('the table holds exactly the documented values (identomat.md §8)', () => {
		expect(RESULT_STATUS).toEqual({ approved: 'verified', rejected: 'rejected' });
	});

	it.each([
		['approved', 'approved', 'verified'],
		['rejected', 'rejected', 'rejected'],
		// Undocumented spellings the sandbox can be set to: never guessed, always unknown.
		['inProgress', 'in_progress', 'unknown'],
		['manualCheck', 'manual_check', 'unknown'],
	])(
		'a session completed as %s (result "%s") is %s; raw data untouched',
		async (outcome, providerStatus, status) => {
			const token = await newSession();
			if (outcome !== 'inProgress') sandbox().identomat.completeSession(token, { outcome });
			const {
				verification,
				session_token: sent,
				...raw
			} = await op('getResult', { session: token });
			expect(sent).toBe(token);
			expect(verification).toMatchObject({
				provider: 'identomat',
				ids: { sessionToken: token },
				providerStatus,
				status,
			});
			if (status === 'unknown')
				expect((verification as IDataObject).reasons).toContainEqual(
					expect.objectContaining({ code: `result.${providerStatus}` }),
				);
			if (status !== 'unknown') {
				expect(verification).toMatchObject({
					person: { firstName: 'SPECIMEN', lastName: 'SPECIMEN', dateOfBirth: '1979-11-25' },
					document: {
						type: 'id',
						number: '001122333',
						issuingCountry: 'GEO',
						expiryDate: '2030-01-10',
					},
				});
			}
			expect(raw).toEqual(await direct(token));
		},
	);

	it('fills the person and document from the raw ID card OCR when the normalised person is empty', () => {
		const v = resultVerification('t', {
			result: 'approved',
			document_type: 'passport',
			person: {},
			id_card_front: {
				Given_Names_en_US: 'ANNA',
				Surname_en_US: 'KOVA',
				Document_Number_en_US: 'P1',
				Issuing_State_Code_en_US: 'GEO',
				Date_of_Birth_ISO: '1990-01-02T00:00:00.000Z',
				Date_of_Expiry_ISO: '2031-05-06T00:00:00.000Z',
			},
		});
		expect(v).toMatchObject({
			status: 'verified',
			person: { firstName: 'ANNA', lastName: 'KOVA', dateOfBirth: '1990-01-02' },
			document: { type: 'passport', number: 'P1', issuingCountry: 'GEO', expiryDate: '2031-05-06' },
		});
	});

	it('unknown or missing values are a visible unknown, never a success', () => {
		for (const result of ['APPROVED', 'ok', '', null, undefined, 0, 5]) {
			expect(resultVerification('t', { result } as IDataObject).status).toBe('unknown');
		}
	});

	it('Simplify: only the verification and the key ids', async () => {
		const token = await newSession();
		sandbox().identomat.completeSession(token, { outcome: 'approved' });
		const out = await op('getResult', { session: token, simplify: true });
		expect(Object.keys(out).sort()).toEqual([
			'result',
			'result_comment',
			'session_token',
			'verification',
		]);
		expect(out.verification).toMatchObject({ status: 'verified' });
	});
});
