import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	FACE_AUTH_STATUS,
	IDV_STATUS,
	KYB_STATUS,
	KYC_STATUS,
	faceAuthVerification,
	idvVerification,
	kybVerification,
	kycVerification,
} from '../../nodes/Ondato/verdict';
import { runNode, typeName } from '../harness/engine';
import { createIdv, directToken, sandbox } from './helpers';

/** Ondato: every documented IDV, KYC, face authentication and KYB status, produced by the sandbox where it can. */
describe('verdict: Ondato', () => {
	let sb: any;
	beforeAll(async () => {
		sb = await sandbox();
	});
	afterAll(async () => await sb.close());
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.problems).toEqual([]));

	const run = async (parameters: IDataObject) => {
		const out = await runNode({
			type: typeName('ondato'),
			parameters,
			credentials: { ondatoApi: sb.ondato.credentials },
		});
		expect(out.error).toBeUndefined();
		return out.items[0].json;
	};
	const direct = async (url: string) =>
		(await axios.get(url, { headers: { Authorization: `Bearer ${await directToken(sb)}` } })).data;
	const kycIdOf = (idvId: string) =>
		sb.ondato.state.idvs.get(idvId).step.kycIdentification.id as string;

	/** Drives a fresh session to each IDV status through the sandbox's controls. */
	const idvIn: Record<string, (id: string) => void> = {
		Pending: () => undefined,
		InProgress: (id) => sb.ondato.consent(id),
		Completed: (id) => sb.ondato.complete(id, { outcome: 'approved' }),
		Expired: (id) => sb.ondato.expire(id),
		Aborted: (id) => sb.ondato.abort(id),
	};

	it('the tables hold exactly the documented values (ondato.md §6)', () => {
		expect(Object.keys(IDV_STATUS)).toEqual([
			'Pending',
			'InProgress',
			'Completed',
			'Expired',
			'Aborted',
			'Suspended',
		]);
		expect(Object.keys(KYC_STATUS)).toEqual(['Awaiting', 'Approved', 'Rejected']);
		expect(Object.keys(FACE_AUTH_STATUS)).toEqual(['Pending', 'Failed']);
		expect(Object.keys(KYB_STATUS)).toEqual(['PENDING', 'APPROVED', 'REJECTED']);
	});

	it.each(Object.keys(idvIn))(
		'identity verification %s, produced by the sandbox, maps through the table; raw data untouched',
		async (providerStatus) => {
			const id = await createIdv(sb, {
				registration: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' },
			});
			idvIn[providerStatus](id);
			const { verification, ...raw } = await run({
				resource: 'identityVerification',
				operation: 'get',
				identityVerificationId: id,
			});
			expect(verification).toMatchObject({
				provider: 'ondato',
				ids: { identityVerificationId: id },
				providerStatus,
				status: IDV_STATUS[providerStatus],
				person: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' },
			});
			expect(raw).toEqual(await direct(`${sb.ondato.idvApiUrl}/v1/identity-verifications/${id}`));
		},
	);

	it('identity verification Suspended (the sandbox cannot produce it) needs review', () => {
		expect(idvVerification({ id: 'x', status: 'Suspended' }).status).toBe('needs_review');
	});

	it.each([
		[
			'Awaiting (Unfinished)',
			(id: string) => sb.ondato.consent(id),
			'Awaiting',
			'in_progress',
			'Unfinished',
		],
		[
			'Awaiting (Processing)',
			(id: string) => {
				sb.ondato.consent(id);
				sb.ondato.process(id);
			},
			'Awaiting',
			'in_progress',
			'Processing',
		],
		[
			'Approved',
			(id: string) => sb.ondato.complete(id, { outcome: 'approved' }),
			'Approved',
			'verified',
			'AutomaticallyIdentified',
		],
		[
			'Rejected',
			(id: string) => sb.ondato.complete(id, { outcome: 'rejected' }),
			'Rejected',
			'rejected',
			'UnrelatedPhotoSubmit',
		],
	])(
		'KYC identification %s, produced by the sandbox, maps through the table; raw data untouched',
		async (_label, drive, providerStatus, status, statusReason) => {
			const id = await createIdv(sb);
			drive(id);
			const kycId = kycIdOf(id);
			const { verification, ...raw } = await run({
				resource: 'kycIdentification',
				operation: 'get',
				kycIdentificationId: kycId,
			});
			expect(verification).toMatchObject({
				provider: 'ondato',
				ids: { kycIdentificationId: kycId, identityVerificationId: id },
				providerStatus,
				status,
			});
			const v = verification as IDataObject;
			if (status !== 'verified')
				expect(v.reasons).toContainEqual({ code: statusReason, text: expect.any(String) });
			if (status === 'rejected')
				expect(v.reasons).toContainEqual(
					expect.objectContaining({ code: 'rules.SelfieAndDocumentFacesMatch' }),
				);
			if (status === 'verified' || status === 'rejected') {
				expect(v.decidedAt).toEqual(raw.completedUtc);
				expect(v).toMatchObject({
					person: { firstName: 'JOHN', lastName: 'JOHNSON', dateOfBirth: '1985-02-27' },
					document: {
						type: 'IdCard',
						number: 'PU2343443343',
						issuingCountry: 'LTU',
						expiryDate: '2028-12-01',
					},
				});
			}
			expect(raw).toEqual(await direct(`${sb.ondato.kycApiUrl}/v1/identifications/${kycId}`));
		},
	);

	it('a completed session read with its KYC identification takes the KYC verdict', async () => {
		const id = await createIdv(sb, { registration: { firstName: 'Ada', lastName: 'Lovelace' } });
		sb.ondato.complete(id, { outcome: 'rejected' });
		const out = await run({
			resource: 'identityVerification',
			operation: 'get',
			identityVerificationId: id,
			options: { includeKycIdentification: true },
		});
		expect(out.verification).toMatchObject({
			status: 'rejected',
			providerStatus: 'Rejected',
			ids: { identityVerificationId: id, kycIdentificationId: kycIdOf(id) },
		});
		// The document's names win over the registration prefill.
		expect((out.verification as IDataObject).person).toMatchObject({
			firstName: 'ADA',
			lastName: 'LOVELACE',
		});
	});

	it('face authentication and KYB statuses', () => {
		expect(faceAuthVerification({ id: 'f', status: 'Pending' }).status).toBe('pending');
		expect(faceAuthVerification({ id: 'f', status: 'Failed' }).status).toBe('rejected');
		// No success value is documented: any other value is never a silent success.
		expect(faceAuthVerification({ id: 'f', status: 'Completed' }).status).toBe('unknown');
		for (const [value, status] of Object.entries(KYB_STATUS)) {
			expect(kybVerification({ id: 'k', status: value }).status).toBe(status);
			expect(kybVerification({ id: 'k', status: value.toLowerCase() }).status).toBe(status);
		}
	});

	it('unknown or missing values are a visible unknown, never a success', () => {
		for (const status of ['Approvedish', 'approved', '', null, undefined, 1]) {
			expect(kycVerification({ id: 'k', status } as IDataObject).status).toBe('unknown');
			expect(idvVerification({ id: 'i', status } as IDataObject).status).toBe('unknown');
		}
		expect(kycVerification({ id: 'k', status: 'Verified' }).reasons).toContainEqual({
			code: 'kyc.Verified',
			text: expect.stringMatching(/does not know/),
		});
		expect(kybVerification({ id: 'k', status: 'DONE' }).status).toBe('unknown');
	});

	it('Simplify on KYC identification: only the verification and the key ids', async () => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, { outcome: 'approved' });
		const out = await run({
			resource: 'kycIdentification',
			operation: 'get',
			kycIdentificationId: kycIdOf(id),
			simplify: true,
		});
		expect(out).not.toHaveProperty('document');
		expect(out).not.toHaveProperty('rules');
		expect(out).toMatchObject({
			id: kycIdOf(id),
			identityVerificationId: id,
			status: 'Approved',
			verification: { status: 'verified', document: { number: 'PU2343443343' } },
		});
	});
});
