import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * One verdict across providers. Every operation that reads a verification's outcome, and
 * every trigger that emits one, adds `verification` next to the provider's raw data (which
 * stays untouched), so a workflow can route on `verification.status` whatever the provider.
 */
export const VERIFICATION_STATUSES = [
	'pending',
	'in_progress',
	'needs_review',
	'verified',
	'rejected',
	'expired',
	'cancelled',
	'unknown',
] as const;

export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What each shared status means, for the documentation generated from the tables. */
export const VERIFICATION_STATUS_MEANINGS: Record<VerificationStatus, string> = {
	pending: 'Created; the person has not started',
	in_progress: 'The person or the provider is still working on it',
	needs_review: 'Finished, but the outcome needs a person (or a further read) to decide',
	verified: 'Decided: the identity was verified',
	rejected: 'Decided: the identity was not verified (or the check failed)',
	expired: 'The session or request expired before it was finished',
	cancelled: 'The session was aborted or cancelled',
	unknown: 'The provider returned a value that is not documented: never treat it as a success',
};

export interface VerificationReason {
	/** The provider's own code, kept as given. */
	code: string;
	/** Plain-language text for people reading the workflow's output. */
	text: string;
}

export interface Verification {
	provider: string;
	/** The provider's own id(s) for this verification, e.g. `{ recordId: 983434 }`. */
	ids: IDataObject;
	status: VerificationStatus;
	/** The provider's status value the shared status was mapped from, kept as given. */
	providerStatus: string | null;
	decidedAt: string | null;
	person: { firstName?: string; lastName?: string; dateOfBirth?: string } | null;
	document: { type?: string; number?: string; issuingCountry?: string; expiryDate?: string } | null;
	reasons: VerificationReason[];
}

/** A provider's documented status values and what each means in the shared set. */
export type StatusTable = Record<string, VerificationStatus>;

/**
 * Maps a provider status through its table. An undocumented or missing value maps to a
 * visible `unknown`, never silently to a success.
 */
export function mapStatus(table: StatusTable, value: unknown): VerificationStatus {
	if (typeof value !== 'string' && typeof value !== 'number') return 'unknown';
	return Object.prototype.hasOwnProperty.call(table, String(value))
		? table[String(value)]
		: 'unknown';
}

/** Builds the `verification` object; empty person/document become null so routes can test for them. */
export function verification(
	fields: Omit<Verification, 'person' | 'document' | 'reasons' | 'decidedAt'> &
		Partial<Verification>,
): Verification {
	const compact = <T extends object>(value: T | null | undefined): T | null => {
		if (!value) return null;
		const entries = Object.entries(value).filter(
			([, v]) => v !== undefined && v !== null && v !== '',
		);
		return entries.length ? (Object.fromEntries(entries) as T) : null;
	};
	return {
		provider: fields.provider,
		ids: fields.ids,
		status: fields.status,
		providerStatus: fields.providerStatus,
		decidedAt: fields.decidedAt ?? null,
		person: compact(fields.person),
		document: compact(fields.document),
		reasons: fields.reasons ?? [],
	};
}

/**
 * One provider status table as it is documented: the field it maps, where the values come from,
 * the table itself (the one the code maps through) and optional notes per value.
 */
export interface StatusTableDoc {
	provider: string;
	/** The provider field, e.g. "Record `status`". */
	field: string;
	/** Where the values are documented (the provider reference section). */
	source: string;
	table: StatusTable;
	notes?: Record<string, string>;
	/** Rules outside the value table (e.g. what a missing value means), printed under the table. */
	remarks?: string;
}

/** The "Simplify" switch of the operations whose raw answer is large. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	// Version 2 has the verdict-only Simplify of personalData.ts, on by default.
	displayOptions: { show: { '@version': [1] } },
};

/**
 * The output of an outcome-reading operation: the raw answer untouched plus `verification`, or,
 * with Simplify on, only `verification` and the raw answer's key ids and links (`keys`, kept as
 * the provider named them; missing ones are left out).
 */
export function withVerification(
	raw: IDataObject,
	verdict: Verification,
	simplify = false,
	keys: string[] = [],
): IDataObject {
	const shared = verdict as unknown as IDataObject;
	if (!simplify) return { ...raw, verification: shared };
	const out: IDataObject = {};
	for (const key of keys) {
		if (raw[key] !== undefined && raw[key] !== null) out[key] = raw[key];
	}
	out.verification = shared;
	return out;
}
