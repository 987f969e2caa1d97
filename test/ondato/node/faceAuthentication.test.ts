import { runNode, typeName } from '../../harness/engine';
import { useSandbox } from '../../harness/sandbox';
import { createIdv, FACE_SETUP_ID, ondatoRequests } from '../helpers';

const ONDATO = typeName('ondato');

describe('Ondato node: Face Authentication', () => {
	const sb = useSandbox();
	const creds = () => ({ ondatoApi: sb.ondato.credentials });

	it('gets a face authentication created for a face-auth setup', async () => {
		const source = await createIdv(sb);
		sb.ondato.complete(source, { outcome: 'approved' });
		const created = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'identityVerification',
				operation: 'create',
				setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
				additionalFields: { faceAuthenticationSourceId: source },
			},
			credentials: creds(),
		});
		const idvId = String(created.items[0].json.id);
		const faceId = sb.ondato.state.idvs.get(idvId).step.faceAuthentication.id;
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'faceAuthentication',
				operation: 'get',
				faceAuthenticationId: faceId,
			},
			credentials: creds(),
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
		const source = await createIdv(sb);
		sb.ondato.complete(source, { outcome: 'approved' });
		const created = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'identityVerification',
				operation: 'create',
				setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
				additionalFields: { faceAuthenticationSourceId: source },
			},
			credentials: creds(),
		});
		const idvId = String(created.items[0].json.id);
		const faceId = sb.ondato.state.idvs.get(idvId).step.faceAuthentication.id;
		sb.ondato.complete(idvId, { outcome: 'rejected' });
		const after = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'faceAuthentication',
				operation: 'get',
				faceAuthenticationId: faceId,
			},
			credentials: creds(),
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
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'identityVerification',
				operation: 'create',
				setupId: { __rl: true, mode: 'id', value: FACE_SETUP_ID },
				additionalFields: { faceAuthenticationSourceId: source },
			},
			credentials: creds(),
		});
		expect(result.error?.message).toMatch(/HTTP 400.*not KYC approved/);
	});
});
