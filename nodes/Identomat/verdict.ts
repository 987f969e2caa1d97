import type { IDataObject } from 'n8n-workflow';

import type { StatusTable, Verification, VerificationReason } from '../shared/verdict';
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

function isoDate(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
	return match ? match[1] : undefined;
}

/** The shared verdict of a result/ answer. */
export function resultVerification(sessionToken: string, result: IDataObject): Verification {
	const providerStatus =
		typeof result.result === 'string' || typeof result.result === 'number' ? String(result.result) : null;
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
	const person = (result.person ?? {}) as IDataObject;
	return verification({
		provider: 'identomat',
		ids: { sessionToken },
		status,
		providerStatus,
		decidedAt: null,
		person: {
			firstName: person.first_name as string | undefined,
			lastName: person.last_name as string | undefined,
			dateOfBirth: isoDate(person.birthday_time),
		},
		document: {
			type: typeof result.document_type === 'string' ? result.document_type : undefined,
			number: person.document_number as string | undefined,
			issuingCountry: (person.issuing_state as string | undefined) ?? undefined,
			expiryDate: isoDate(person.document_expires_time),
		},
		reasons,
	});
}
