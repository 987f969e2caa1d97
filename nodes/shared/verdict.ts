import type { IDataObject } from 'n8n-workflow';

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
	return Object.prototype.hasOwnProperty.call(table, String(value)) ? table[String(value)] : 'unknown';
}

/** Builds the `verification` object; empty person/document become null so routes can test for them. */
export function verification(fields: Omit<Verification, 'person' | 'document' | 'reasons' | 'decidedAt'> & Partial<Verification>): Verification {
	const compact = <T extends object>(value: T | null | undefined): T | null => {
		if (!value) return null;
		const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '');
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
