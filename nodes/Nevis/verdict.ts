import type { IDataObject } from 'n8n-workflow';

import type {
	StatusTable,
	StatusTableDoc,
	Verification,
	VerificationReason,
} from '../shared/verdict';
import { mapStatus, verification } from '../shared/verdict';

/**
 * Every documented session status (nevis.md §5): `pending` and `in_progress` while the person has
 * not finished, `verified` and `failed` when the process is finished. Any other value is `unknown`.
 */
export const SESSION_STATUS: StatusTable = {
	pending: 'pending',
	in_progress: 'in_progress',
	verified: 'verified',
	failed: 'rejected',
};

/** The Nevis table, as docs/verification.md shows it (generated from this object). */
export const STATUS_TABLES: StatusTableDoc[] = [
	{
		provider: 'Nevis',
		field: 'Session `status`',
		source: 'nevis.md §5',
		table: SESSION_STATUS,
		notes: {
			verified: 'UNCONFIRMED wording (seed document)',
			failed: 'UNCONFIRMED wording (seed document); error codes become reasons',
		},
		remarks:
			"Nevis: a session that times out is answered as not found (an error, so the node's error output or Continue On Fail routes it) or stays `pending`; the result and data field names are UNCONFIRMED and read only when present.",
	},
];

export const FINAL_SESSION_STATUSES = ['verified', 'failed'];

/** Whether the session is finished (only then does Nevis return the result and data). */
export function isFinalSession(session: IDataObject): boolean {
	return typeof session.status === 'string' && FINAL_SESSION_STATUSES.includes(session.status);
}

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const asString = (value: unknown): string | undefined =>
	typeof value === 'string' && value ? value : undefined;

/**
 * The shared verdict of a session. Nevis documents the status values only; the field names of the
 * result and data (`result.errorCodes`, `data.firstName`, ...) are read when present and never required.
 */
export function sessionVerification(session: IDataObject, sessionId: string): Verification {
	const providerStatus = asString(session.status) ?? null;
	const status = mapStatus(SESSION_STATUS, session.status);
	const result = asObject(session.result);
	const data = asObject(session.data);
	const codes = [
		...(Array.isArray(result.errorCodes) ? result.errorCodes : []),
		...(Array.isArray(session.errorCodes) ? session.errorCodes : []),
		...[asString(result.errorCode), asString(session.errorCode)].filter(Boolean),
	].map(String);
	const reasons: VerificationReason[] = codes.map((code) => ({
		code,
		text: `Nevis error code ${code}`,
	}));
	if (status === 'unknown') {
		reasons.push({
			code: `status.${String(session.status)}`,
			text: 'Nevis returned a session status this node does not know',
		});
	}
	const final = status === 'verified' || status === 'rejected';
	return verification({
		provider: 'nevis',
		ids: { sessionId: asString(session.sessionId) ?? sessionId },
		status,
		providerStatus,
		decidedAt: final ? (asString(session.completedAt) ?? null) : null,
		person: {
			firstName: asString(data.firstName),
			lastName: asString(data.lastName),
			dateOfBirth: asString(data.dateOfBirth),
		},
		document: {
			type: asString(data.documentType),
			number: asString(data.documentNumber),
			issuingCountry: asString(data.issuingCountry),
			expiryDate: asString(data.documentExpiryDate),
		},
		reasons,
	});
}
