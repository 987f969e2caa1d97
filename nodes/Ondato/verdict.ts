import type { IDataObject } from 'n8n-workflow';

import type {
	StatusTable,
	StatusTableDoc,
	Verification,
	VerificationReason,
} from '../shared/verdict';
import { mapStatus, verification } from '../shared/verdict';

/**
 * IDV status (ondato.md §6). Pending, InProgress and Completed are documented; Expired, Aborted and
 * Suspended come from third-party code only. Completed says the person finished, not the outcome:
 * that is the KYC identification's status.
 */
export const IDV_STATUS: StatusTable = {
	Pending: 'pending',
	InProgress: 'in_progress',
	Completed: 'needs_review',
	Expired: 'expired',
	Aborted: 'cancelled',
	Suspended: 'needs_review',
};

/** KYC identification status (official webhook examples). */
export const KYC_STATUS: StatusTable = {
	Awaiting: 'in_progress',
	Approved: 'verified',
	Rejected: 'rejected',
};

/** KYC statusReason values seen in Ondato's docs and captured payloads (the full list is not published). */
export const KYC_STATUS_REASON: Record<string, string> = {
	AutomaticallyIdentified: 'Identified automatically',
	MissingDocumentPhoto: 'A document photo is missing',
	Processing: 'The person finished; Ondato is processing the data',
	Unfinished: 'The person has not finished the identification',
	UnrelatedPhotoSubmit: 'An unrelated photo was submitted',
};

/**
 * Face authentication status: Ondato's Face Authentication page lists Pending (not completed) and
 * Failed; no success value is documented, so any other value maps to unknown.
 */
export const FACE_AUTH_STATUS: StatusTable = {
	Pending: 'pending',
	Failed: 'rejected',
};

/** KYB identification status as the Ondato portal shows it (ondato.md §6). */
export const KYB_STATUS: StatusTable = {
	PENDING: 'pending',
	APPROVED: 'verified',
	REJECTED: 'rejected',
};

/** Every Ondato table, as docs/verification.md shows it (generated from these objects). */
export const STATUS_TABLES: StatusTableDoc[] = [
	{
		provider: 'Ondato',
		field: 'Identity verification `status`',
		source: 'ondato.md §6',
		table: IDV_STATUS,
		notes: {
			Completed:
				"The person finished; with the KYC identification read (Include KYC Identification, or the trigger's Fetch Current State) its status decides",
			Expired: 'Third-party sources only (UNCONFIRMED)',
			Aborted: 'Third-party sources only (UNCONFIRMED)',
			Suspended: 'Third-party sources only (UNCONFIRMED)',
		},
	},
	{
		provider: 'Ondato',
		field: 'KYC identification `status`',
		source: 'ondato.md §6',
		table: KYC_STATUS,
		notes: { Awaiting: 'Created or processed, not decided; `statusReason` becomes a reason' },
	},
	{
		provider: 'Ondato',
		field: 'Face authentication `status`',
		source: 'ondato.md §6',
		table: FACE_AUTH_STATUS,
		notes: {
			Pending: 'The authentication was not completed',
			Failed: 'No success value is documented: any value other than these two is `unknown`',
		},
	},
	{
		provider: 'Ondato',
		field: 'KYB identification `status`',
		source: 'ondato.md §6, portal values, compared in upper case',
		table: KYB_STATUS,
	},
];

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

function decided(status: string): boolean {
	return status === 'verified' || status === 'rejected';
}

/** The shared verdict of a KYC identification (GET /v1/identifications/{id} or a KycIdentification.* payload). */
export function kycVerification(kyc: IDataObject): Verification {
	const providerStatus = text(kyc.status) ?? null;
	const status = mapStatus(KYC_STATUS, providerStatus);
	const reasons: VerificationReason[] = [];
	const reason = text(kyc.statusReason);
	if (reason && status !== 'verified') {
		reasons.push({
			code: reason,
			text: KYC_STATUS_REASON[reason] ?? `Ondato status reason "${reason}"`,
		});
	}
	for (const list of ['rules', 'fraudChecks'] as const) {
		for (const check of (Array.isArray(kyc[list]) ? kyc[list] : []) as IDataObject[]) {
			if (check && check.status === 'Fail')
				reasons.push({
					code: `${list}.${String(check.name)}`,
					text: `The ${list === 'rules' ? 'rule' : 'fraud check'} ${String(check.name)} failed`,
				});
		}
	}
	if (status === 'unknown')
		reasons.push({
			code: `kyc.${String(providerStatus)}`,
			text: 'Ondato returned a status this node does not know',
		});
	const document = (kyc.document ?? {}) as IDataObject;
	return verification({
		provider: 'ondato',
		ids: {
			kycIdentificationId: kyc.id as string,
			identityVerificationId: kyc.identityVerificationId as string,
		},
		status,
		providerStatus,
		decidedAt: decided(status) ? (text(kyc.completedUtc) ?? null) : null,
		person: {
			firstName: text(document.firstName),
			lastName: text(document.lastName),
			dateOfBirth: text(document.dateOfBirth),
		},
		document: {
			type: text(document.type),
			number: text(document.documentNumber),
			issuingCountry: text(document.countryIso3),
			expiryDate: text(document.dateOfExpiration),
		},
		reasons,
	});
}

/**
 * The shared verdict of an identity verification. A completed session's outcome is its KYC
 * identification's: pass it when it was read, otherwise the verdict stays `needs_review`.
 */
export function idvVerification(idv: IDataObject, kyc?: IDataObject): Verification {
	const providerStatus = text(idv.status) ?? null;
	const step = (idv.step ?? {}) as IDataObject;
	const kycId = ((step.kycIdentification ?? {}) as IDataObject).id as string | undefined;
	const registration = (idv.registration ?? {}) as IDataObject;
	const prefilled = {
		firstName: text(registration.firstName),
		lastName: text(registration.lastName),
		dateOfBirth: text(registration.dateOfBirth),
	};
	if (kyc && providerStatus === 'Completed') {
		const fromKyc = kycVerification(kyc);
		return {
			...fromKyc,
			ids: { identityVerificationId: idv.id as string, kycIdentificationId: kyc.id as string },
			// The document read from the ID wins; the registration prefill fills what it lacks.
			person: verification({ ...fromKyc, person: { ...prefilled, ...(fromKyc.person ?? {}) } })
				.person,
		};
	}
	const status = mapStatus(IDV_STATUS, providerStatus);
	const reasons: VerificationReason[] = [];
	if (status === 'expired')
		reasons.push({
			code: `idv.${providerStatus}`,
			text: 'The session expired before the person finished it',
		});
	if (status === 'cancelled')
		reasons.push({ code: `idv.${providerStatus}`, text: 'The session was aborted' });
	if (status === 'unknown')
		reasons.push({
			code: `idv.${String(providerStatus)}`,
			text: 'Ondato returned a status this node does not know',
		});
	return verification({
		provider: 'ondato',
		ids: {
			identityVerificationId: idv.id as string,
			...(kycId ? { kycIdentificationId: kycId } : {}),
		},
		status,
		providerStatus,
		person: prefilled,
		reasons,
	});
}

export function faceAuthVerification(faceAuthentication: IDataObject): Verification {
	const providerStatus = text(faceAuthentication.status) ?? null;
	const status = mapStatus(FACE_AUTH_STATUS, providerStatus);
	return verification({
		provider: 'ondato',
		ids: {
			faceAuthenticationId: faceAuthentication.id as string,
			identityVerificationId: faceAuthentication.identityVerificationId as string,
		},
		status,
		providerStatus,
		reasons:
			status === 'unknown'
				? [
						{
							code: `faceAuthentication.${String(providerStatus)}`,
							text: 'Ondato documents only the Pending and Failed statuses of a face authentication',
						},
					]
				: [],
	});
}

export function kybVerification(kyb: IDataObject): Verification {
	const providerStatus = text(kyb.status) ?? null;
	const status = mapStatus(KYB_STATUS, providerStatus?.toUpperCase());
	return verification({
		provider: 'ondato',
		ids: { kybIdentificationId: kyb.id as string },
		status,
		providerStatus,
		reasons:
			status === 'unknown'
				? [
						{
							code: `kyb.${String(providerStatus)}`,
							text: 'Ondato returned a status this node does not know',
						},
					]
				: [],
	});
}
