import { runNode, typeName } from '../../harness/engine';
import { useSandbox } from '../../harness/sandbox';
import { createIdv, ondatoRequests } from '../helpers';

const ONDATO = typeName('ondato');

describe('Ondato node: KYC Identification', () => {
	const sb = useSandbox();
	const creds = () => ({ ondatoApi: sb.ondato.credentials });

	it('gets a KYC identification with its verdict', async () => {
		const id = await createIdv(sb, {
			registration: { firstName: 'John', lastName: 'Johnson', dateOfBirth: '1985-02-27' },
		});
		sb.ondato.complete(id, { outcome: 'approved' });
		const kyc = sb.ondato.kycOf(id);
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'kycIdentification',
				operation: 'get',
				kycIdentificationId: kyc.id,
			},
			credentials: creds(),
		});
		const out = result.items[0].json as any;
		expect(out).toMatchObject({
			id: kyc.id,
			status: 'Approved',
			statusReason: 'AutomaticallyIdentified',
			identityVerificationId: id,
		});
		expect(out.verification).toEqual({
			provider: 'ondato',
			ids: { kycIdentificationId: kyc.id, identityVerificationId: id },
			status: 'verified',
			providerStatus: 'Approved',
			decidedAt: kyc.completedUtc,
			person: { firstName: 'JOHN', lastName: 'JOHNSON', dateOfBirth: '1985-02-27' },
			document: {
				type: 'IdCard',
				number: 'PU2343443343',
				issuingCountry: 'LTU',
				expiryDate: '2028-12-01',
			},
			reasons: [],
		});
		expect(ondatoRequests(sb, '/kycid')[0]).toMatchObject({
			method: 'GET',
			path: `/kycid/v1/identifications/${kyc.id}`,
			status: 200,
		});
	});

	it('downloads each document file as binary', async () => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, {});
		const kyc = sb.ondato.kycOf(id);
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'kycIdentification',
				operation: 'downloadFiles',
				kycIdentificationId: kyc.id,
				binaryPropertyName: 'photo',
			},
			credentials: creds(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const [i, item] of result.items.entries()) {
			expect(item.json).toMatchObject({
				kycIdentificationId: kyc.id,
				fileId: kyc.document.files[i].fileId,
				part: i === 0 ? 'Front' : 'Back',
				mimeType: 'image/jpeg',
			});
			expect(item.binary!.photo.mimeType).toBe('image/jpeg');
			expect(item.binary!.photo.fileName).toBe(kyc.document.files[i].fileName);
			const bytes = Buffer.from(item.binary!.photo.data, 'base64');
			expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
		}
		expect(ondatoRequests(sb, '/kycid').map((r) => r.path)).toEqual([
			`/kycid/v1/identifications/${kyc.id}`,
			`/kycid/v1/identifications/${kyc.id}/files/${kyc.document.files[0].fileId}`,
			`/kycid/v1/identifications/${kyc.id}/files/${kyc.document.files[1].fileId}`,
		]);
	});

	it('downloads one file, and decodes a base64 JSON answer (the format is UNCONFIRMED)', async () => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, {});
		const kyc = sb.ondato.kycOf(id);
		sb.ondato.setConfig({ fileResponse: 'base64json' });
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'kycIdentification',
				operation: 'downloadFiles',
				kycIdentificationId: kyc.id,
				binaryPropertyName: 'data',
				options: { fileId: kyc.document.files[1].fileId },
			},
			credentials: creds(),
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].binary!.data.fileName).toBe(kyc.document.files[1].fileName);
		expect(
			Buffer.from(result.items[0].binary!.data.data, 'base64').subarray(0, 2).toString('hex'),
		).toBe('ffd8');
	});

	it('retries a 503 on a download (idempotent GET)', async () => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, {});
		const kyc = sb.ondato.kycOf(id);
		sb.faults.add({
			provider: 'ondato',
			method: 'GET',
			path: `/kycid/v1/identifications/${kyc.id}/files/`,
			status: 503,
			times: 1,
		});
		const result = await runNode({
			type: ONDATO,
			parameters: {
				resource: 'kycIdentification',
				operation: 'downloadFiles',
				kycIdentificationId: kyc.id,
				binaryPropertyName: 'data',
			},
			credentials: creds(),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ondatoRequests(sb, '/kycid').map((r) => r.status)).toEqual([200, 503, 200, 200]);
	});
});
