import { useSandbox } from '../../harness/sandbox';
import { createIdv, FACE_SETUP_ID, ondatoRequests } from '../helpers';
import { runOndato } from './helpers';

describe('Ondato node: Face Authentication', () => {
	const sb = useSandbox();

	/** Creates, through the node, a face-auth verification against an approved KYC session. */
	const createFaceAuthentication = async () => {
		const source = await createIdv(sb);
		sb.ondato.complete(source, { outcome: 'approved' });
		const created = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'create',
			setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
			additionalFields: { faceAuthenticationSourceId: source },
		});
		const idvId = String(created.items[0].json.id);
		return { idvId, faceId: sb.ondato.state.idvs.get(idvId).step.faceAuthentication.id };
	};

	it('gets a face authentication created for a face-auth setup', async () => {
		const { idvId, faceId } = await createFaceAuthentication();
		const result = await runOndato(sb, {
			resource: 'faceAuthentication',
			operation: 'get',
			faceAuthenticationId: faceId,
		});
		expect(result.items[0].json).toMatchObject({
			id: faceId,
			identityVerificationId: idvId,
			status: 'Pending',
		});
		expect((result.items[0].json as any).verification).toMatchObject({
			status: 'pending',
			providerStatus: 'Pending',
		});
		// The request went to the Face Authentication API URL of the credential, not to the IDV API.
		expect(ondatoRequests(sb, '/faceauth/v1/face-authentications').map((r) => r.status)).toEqual([
			200,
		]);
		expect(ondatoRequests(sb, '/idvapi/v1/face-authentications')).toEqual([]);
	});

	it('maps the documented Failed status of a face authentication, produced by the sandbox, to rejected', async () => {
		const { idvId, faceId } = await createFaceAuthentication();
		sb.ondato.complete(idvId, { outcome: 'rejected' });
		const after = await runOndato(sb, {
			resource: 'faceAuthentication',
			operation: 'get',
			faceAuthenticationId: faceId,
		});
		expect(after.error).toBeUndefined();
		expect((after.items[0].json as any).verification).toMatchObject({
			status: 'rejected',
			providerStatus: 'Failed',
			reasons: [],
		});
	});

	it('refuses a face authentication against a session that is not KYC approved', async () => {
		const source = await createIdv(sb);
		const result = await runOndato(sb, {
			resource: 'identityVerification',
			operation: 'create',
			setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
			additionalFields: { faceAuthenticationSourceId: source },
		});
		expect(result.error?.message).toMatch(/HTTP 400.*not KYC approved/);
	});
});
