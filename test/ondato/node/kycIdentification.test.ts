import { useSandbox } from '../../harness/sandbox';
import { createIdv, ondatoRequests } from '../helpers';
import { runOndato } from './helpers';

describe('Ondato node: KYC Identification', () => {
	const sb = useSandbox();

	/** The KYC identification of a verification the sandbox person completed. */
	const completedKyc = async () => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, {});
		return sb.ondato.kycOf(id);
	};

	it('gets a KYC identification with its verdict', async () => {
		const id = await createIdv(sb, {
			registration: { firstName: 'John', lastName: 'Johnson', dateOfBirth: '1985-02-27' },
		});
		sb.ondato.complete(id, { outcome: 'approved' });
		const kyc = sb.ondato.kycOf(id);
		const result = await runOndato(sb, {
			resource: 'kycIdentification',
			operation: 'get',
			kycIdentificationId: kyc.id,
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
		const kyc = await completedKyc();
		const result = await runOndato(sb, {
			resource: 'kycIdentification',
			operation: 'downloadFiles',
			kycIdentificationId: kyc.id,
			binaryPropertyName: 'photo',
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
		const kyc = await completedKyc();
		sb.ondato.setConfig({ fileResponse: 'base64json' });
		const result = await runOndato(sb, {
			resource: 'kycIdentification',
			operation: 'downloadFiles',
			kycIdentificationId: kyc.id,
			binaryPropertyName: 'data',
			options: { fileId: kyc.document.files[1].fileId },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].binary!.data.fileName).toBe(kyc.document.files[1].fileName);
		expect(
			Buffer.from(result.items[0].binary!.data.data, 'base64').subarray(0, 2).toString('hex'),
		).toBe('ffd8');
	});

	it('retries a 503 on a download (idempotent GET)', async () => {
		const kyc = await completedKyc();
		sb.faults.add({
			provider: 'ondato',
			method: 'GET',
			path: `/kycid/v1/identifications/${kyc.id}/files/`,
			status: 503,
			times: 1,
		});
		const result = await runOndato(sb, {
			resource: 'kycIdentification',
			operation: 'downloadFiles',
			kycIdentificationId: kyc.id,
			binaryPropertyName: 'data',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(ondatoRequests(sb, '/kycid').map((r) => r.status)).toEqual([200, 503, 200, 200]);
	});
});
