import type { IDataObject } from 'n8n-workflow';

import type {
	StatusTable,
	StatusTableDoc,
	Verification,
	VerificationReason,
	VerificationStatus,
} from '../shared/verdict';
import { mapStatus, verification } from '../shared/verdict';

/**
 * Record status → shared status (amiqus.md §6, RecordStatus). `complete` and `reviewed` only say
 * that the person finished or that someone reviewed: the verdict then comes from the checks and
 * the step reviews (below), when they are known.
 */
export const RECORD_STATUS: StatusTable = {
	pending: 'pending',
	started: 'in_progress',
	waiting: 'in_progress',
	paused: 'in_progress',
	amendments: 'needs_review',
	complete: 'needs_review',
	reviewed: 'needs_review',
	incomplete: 'expired',
	empty: 'expired',
	failed: 'rejected',
};

/** Check status → shared status (CheckStatus). */
export const CHECK_STATUS: StatusTable = {
	pending: 'pending',
	submitted: 'in_progress',
	accepted: 'verified',
	rejected: 'rejected',
	refer: 'needs_review',
	failed: 'rejected',
	paused: 'in_progress',
};

/** Step review status → shared status (StepReviewStatus). */
export const REVIEW_STATUS: StatusTable = {
	pending: 'needs_review',
	approved: 'verified',
	rejected: 'rejected',
};

/** Every Amiqus table, as docs/verification.md shows it (generated from these objects). */
export const STATUS_TABLES: StatusTableDoc[] = [
	{
		provider: 'Amiqus',
		field: 'Record `status`',
		source: 'amiqus.md §6 RecordStatus',
		table: RECORD_STATUS,
		notes: {
			amendments: 'Amendment approval pending',
			complete: 'All steps done; with Include Check Results the checks and reviews decide',
			reviewed: 'Marked as reviewed; with Include Check Results the checks and reviews decide',
			incomplete: 'Expired with at least one step completed',
			empty: 'Expired with no step completed',
			failed: 'Deprecated by Amiqus',
		},
	},
	{
		provider: 'Amiqus',
		field: 'Check `status`',
		source: 'amiqus.md §6 CheckStatus',
		table: CHECK_STATUS,
		notes: {
			refer: 'The check asks for a person to look at it',
			failed: 'The check could not be completed',
		},
	},
	{
		provider: 'Amiqus',
		field: 'Step review `status`',
		source: 'amiqus.md §6 StepReviewStatus',
		table: REVIEW_STATUS,
		notes: { pending: 'A review is pending: the check result below it is used' },
	},
];

const CHECK_TEXT: Record<string, string> = {
	rejected: 'The check was rejected',
	refer: 'The check needs a person to look at it (refer)',
	failed: 'The check could not be completed',
	pending: 'The check has not started',
	submitted: 'The check is being processed',
	paused: 'The check is paused',
};

/** Worst first: one rejected check rejects the record, one open question needs review. */
const PRECEDENCE: VerificationStatus[] = [
	'unknown',
	'rejected',
	'needs_review',
	'in_progress',
	'pending',
	'verified',
];

function worst(statuses: VerificationStatus[]): VerificationStatus | undefined {
	return PRECEDENCE.find((status) => statuses.includes(status));
}

const asObject = (value: unknown): IDataObject | undefined =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/**
 * What a Photo ID check response (GET /checks/{id}?expand=response, amiqus.md §5.3) tells: the
 * document's type and issuing country from `media[]`, and reports that were not clear as reasons.
 * Amiqus returns no extracted names or numbers, so only those two document fields can be filled.
 */
export function photoIdDetails(response: unknown): {
	document: Verification['document'];
	reasons: VerificationReason[];
} {
	const body = asObject(response);
	if (!body || body.object !== 'check_response.photo_id') return { document: null, reasons: [] };
	const media = (Array.isArray(body.media) ? body.media : []) as IDataObject[];
	const doc = media.find((item) => item && item.type === 'document');
	const reasons: VerificationReason[] = [];
	for (const report of (Array.isArray(body.reports) ? body.reports : []) as IDataObject[]) {
		if (report && typeof report.result === 'string' && report.result !== 'clear') {
			reasons.push({
				code: `photo_id.${String(report.type)}.${report.result}`,
				text: `The Photo ID ${String(report.type).replace(/_/g, ' ')} report result is "${report.result}"`,
			});
		}
	}
	return {
		document: doc
			? { type: text(doc.document_type), issuingCountry: text(doc.issuing_country) }
			: null,
		reasons,
	};
}

function checkReason(check: IDataObject, stepType?: unknown): VerificationReason {
	return {
		code: `${String(check.type ?? stepType)}.${String(check.status)}`,
		text: CHECK_TEXT[String(check.status)] ?? `Unknown check status "${String(check.status)}"`,
	};
}

/**
 * The shared verdict of a record. `steps` are the record's steps with `check` and `review`
 * expanded (GET /records/{id}/steps?expand=check,review); without them a finished record is
 * `needs_review`, since only its checks say whether it passed. A Photo ID check whose `response`
 * was expanded fills the document.
 */
export function recordVerification(record: IDataObject, steps?: IDataObject[]): Verification {
	const providerStatus = typeof record.status === 'string' ? record.status : null;
	let status = mapStatus(RECORD_STATUS, providerStatus);
	const reasons: VerificationReason[] = [];
	let document: Verification['document'] = null;
	let decidedAt: string | undefined;
	const finished = providerStatus === 'complete' || providerStatus === 'reviewed';
	if (finished && steps && steps.length) {
		const outcomes: VerificationStatus[] = [];
		for (const step of steps) {
			const review = asObject(step.review);
			const check = asObject(step.check);
			const photoId = check ? photoIdDetails(check.response) : { document: null, reasons: [] };
			document = document ?? photoId.document;
			// A person's review overrides the automatic check result.
			if (review && review.status !== 'pending') {
				outcomes.push(mapStatus(REVIEW_STATUS, review.status));
				decidedAt = [decidedAt, text(review.updated_at)].filter(Boolean).sort().pop();
				if (review.status === 'rejected') {
					reasons.push({
						code: `review.rejected`,
						text: String(review.message ?? 'A reviewer rejected the step'),
					});
				}
			} else if (check) {
				const outcome = mapStatus(CHECK_STATUS, check.status);
				outcomes.push(outcome);
				decidedAt = [decidedAt, text(check.updated_at)].filter(Boolean).sort().pop();
				if (outcome !== 'verified') reasons.push(checkReason(check, step.type), ...photoId.reasons);
			}
		}
		status = worst(outcomes) ?? status;
	}
	if (status === 'expired')
		reasons.push({
			code: `record.${providerStatus}`,
			text: 'The request expired before the person finished it',
		});
	if (status === 'unknown')
		reasons.push({
			code: `record.${String(providerStatus)}`,
			text: 'Amiqus returned a status this node does not know',
		});
	const name = asObject(record.name) ?? {};
	const client = asObject(record.client);
	return verification({
		provider: 'amiqus',
		ids: {
			recordId: record.id as number,
			clientId: (client ? client.id : record.client) as number,
		},
		status,
		providerStatus,
		decidedAt:
			status === 'verified' || status === 'rejected'
				? (decidedAt ?? text(record.updated_at) ?? null)
				: null,
		person: {
			firstName: text(name.first_name),
			lastName: text(name.last_name),
			dateOfBirth: text(client?.dob),
		},
		document,
		reasons,
	});
}

/** The shared verdict of one check (GET /checks/{id}); with `expand=response` a Photo ID check fills the document. */
export function checkVerification(check: IDataObject): Verification {
	const providerStatus = typeof check.status === 'string' ? check.status : null;
	const status = mapStatus(CHECK_STATUS, providerStatus);
	const photoId = photoIdDetails(check.response);
	const record = asObject(check.record);
	const reasons: VerificationReason[] =
		status === 'verified' ? [] : [checkReason(check), ...photoId.reasons];
	if (status === 'unknown')
		reasons.push({
			code: `check.${String(providerStatus)}`,
			text: 'Amiqus returned a check status this node does not know',
		});
	const name = asObject(record?.name) ?? {};
	return verification({
		provider: 'amiqus',
		ids: { checkId: check.id as number, recordId: (record ? record.id : check.record) as number },
		status,
		providerStatus,
		decidedAt:
			status === 'verified' || status === 'rejected' ? (text(check.updated_at) ?? null) : null,
		person: { firstName: text(name.first_name), lastName: text(name.last_name) },
		document: photoId.document,
		reasons,
	});
}
