import type { IDataObject } from 'n8n-workflow';

import type {
	StatusTable,
	StatusTableDoc,
	Verification,
	VerificationReason,
} from '../shared/verdict';
import { mapStatus, verification } from '../shared/verdict';

/**
 * `result` of result/ → shared status (identomat.md §8). Only "approved" and "rejected" are
 * documented. The Rust client's ManualCheck, DisagreedWithTerms and InProgress states have no
 * known string spelling, so they are deliberately not guessed: they map to `unknown`, with the
 * value kept in `providerStatus`.
 */
export const RESULT_STATUS: StatusTable = {
	approved: 'verified',
	rejected: 'rejected',
};

/** The Identomat table, as docs/verification.md shows it (generated from this object). */
export const STATUS_TABLES: StatusTableDoc[] = [
	{
		provider: 'Identomat',
		field: 'result/ `result`',
		source: 'identomat.md §8',
		table: RESULT_STATUS,
		notes: {
			rejected: '`reject_reason.value` (e.g. `face_mismatch`) becomes a reason',
		},
	},
];

const str = (value: unknown): string | undefined =>
	typeof value === 'string' && value ? value : undefined;
const obj = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

function isoDate(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
	return match ? match[1] : undefined;
}

/** The shared verdict of a result/ answer. */
export function resultVerification(sessionToken: string, result: IDataObject): Verification {
	const providerStatus =
		typeof result.result === 'string' || typeof result.result === 'number'
			? String(result.result)
			: null;
	const status = mapStatus(RESULT_STATUS, result.result);
	const reasons: VerificationReason[] = [];
	const reject = (result.reject_reason ?? {}) as IDataObject;
	if (typeof reject.value === 'string' && reject.value) {
		reasons.push({
			code: reject.value,
			text:
				typeof reject.description === 'string' && reject.description
					? reject.description
					: reject.value === 'face_mismatch'
						? 'The face does not match the document'
						: `Rejected: ${reject.value}`,
		});
	}
	if (status === 'unknown') {
		reasons.push({
			code: `result.${String(providerStatus)}`,
			text: 'Identomat returned a result value this node does not know (only approved and rejected are documented)',
		});
	}
	// The normalised `person` first; the raw OCR of the ID card, then a general document (proof of address), fill gaps.
	const person = obj(result.person);
	const card = { ...obj(result.id_card_back), ...obj(result.id_card_front) };
	const general = obj((Array.isArray(result.generalDocuments) ? result.generalDocuments : [])[0]);
	const page = obj(obj((Array.isArray(general.pages) ? general.pages : [])[0]).final);
	return verification({
		provider: 'identomat',
		ids: { sessionToken },
		status,
		providerStatus,
		decidedAt: null,
		person: {
			firstName: str(person.first_name) ?? str(card.Given_Names_en_US) ?? str(page.firstName),
			lastName: str(person.last_name) ?? str(card.Surname_en_US) ?? str(page.lastName),
			dateOfBirth: isoDate(person.birthday_time) ?? isoDate(card.Date_of_Birth_ISO),
		},
		document: {
			type: str(result.document_type) ?? str(general.documentType),
			number: str(person.document_number) ?? str(card.Document_Number_en_US),
			issuingCountry: str(person.issuing_state) ?? str(card.Issuing_State_Code_en_US),
			expiryDate: isoDate(person.document_expires_time) ?? isoDate(card.Date_of_Expiry_ISO),
		},
		reasons,
	});
}
