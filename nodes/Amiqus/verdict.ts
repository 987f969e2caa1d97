import type { IDataObject } from 'n8n-workflow';

import type { StatusTable, Verification, VerificationReason, VerificationStatus } from '../shared/verdict';
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

const CHECK_TEXT: Record<string, string> = {
	rejected: 'The check was rejected',
	refer: 'The check needs a person to look at it (refer)',
	failed: 'The check could not be completed',
	pending: 'The check has not started',
	submitted: 'The check is being processed',
	paused: 'The check is paused',
};

/** Worst first: one rejected check rejects the record, one open question needs review. */
const PRECEDENCE: VerificationStatus[] = ['unknown', 'rejected', 'needs_review', 'in_progress', 'pending', 'verified'];

function worst(statuses: VerificationStatus[]): VerificationStatus | undefined {
	return PRECEDENCE.find((status) => statuses.includes(status));
}

/**
 * The shared verdict of a record. `steps` are the record's steps with `check` and `review`
 * expanded (GET /records/{id}/steps?expand=check,review); without them a finished record is
 * `needs_review`, since only its checks say whether it passed.
 */
export function recordVerification(record: IDataObject, steps?: IDataObject[]): Verification {
	const providerStatus = typeof record.status === 'string' ? record.status : null;
	let status = mapStatus(RECORD_STATUS, providerStatus);
	const reasons: VerificationReason[] = [];
	const finished = providerStatus === 'complete' || providerStatus === 'reviewed';
	if (finished && steps && steps.length) {
		const outcomes: VerificationStatus[] = [];
		for (const step of steps) {
			const review = step.review && typeof step.review === 'object' ? (step.review as IDataObject) : undefined;
			const check = step.check && typeof step.check === 'object' ? (step.check as IDataObject) : undefined;
			// A person's review overrides the automatic check result.
			if (review && review.status !== 'pending') {
				outcomes.push(mapStatus(REVIEW_STATUS, review.status));
				if (review.status === 'rejected') {
					reasons.push({ code: `review.rejected`, text: String(review.message ?? 'A reviewer rejected the step') });
				}
			} else if (check) {
				const outcome = mapStatus(CHECK_STATUS, check.status);
				outcomes.push(outcome);
				if (outcome !== 'verified') {
					reasons.push({
						code: `${String(check.type ?? step.type)}.${String(check.status)}`,
						text: CHECK_TEXT[String(check.status)] ?? `Unknown check status "${String(check.status)}"`,
					});
				}
			}
		}
		status = worst(outcomes) ?? status;
	}
	if (status === 'expired') reasons.push({ code: `record.${providerStatus}`, text: 'The request expired before the person finished it' });
	if (status === 'unknown') reasons.push({ code: `record.${String(providerStatus)}`, text: 'Amiqus returned a status this node does not know' });
	const name = (record.name ?? {}) as IDataObject;
	return verification({
		provider: 'amiqus',
		ids: { recordId: record.id as number, clientId: (typeof record.client === 'object' ? (record.client as IDataObject)?.id : record.client) as number },
		status,
		providerStatus,
		decidedAt: status === 'verified' || status === 'rejected' ? ((record.updated_at as string) ?? null) : null,
		person: { firstName: name.first_name as string, lastName: name.last_name as string },
		document: null,
		reasons,
	});
}
