import type { IDataObject } from 'n8n-workflow';

import type { StatusTable, Verification, VerificationReason, VerificationStatus } from '../shared/verdict';
import { mapStatus, verification } from '../shared/verdict';

/**
 * Every documented `flow_status` (verigram.md §5): `pass` when the verification succeeded and
 * `fail` otherwise. Verigram documents no in-progress value; any other value maps to `unknown`.
 */
export const FLOW_STATUS: StatusTable = {
	pass: 'verified',
	fail: 'rejected',
};

/** The only documented `end_cause`: a flow the person completed. */
export const COMPLETED_END_CAUSE = 'completed';

/** The flow statuses the nodes treat as final unless the user lists others. */
export const DEFAULT_FINAL_STATUSES = Object.keys(FLOW_STATUS);

/** Parses "pass, fail" into a list; empty means the documented final statuses. */
export function finalStatusesFrom(value: unknown): string[] {
	const list = String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return list.length ? list : DEFAULT_FINAL_STATUSES;
}

/** Whether a flow result carries a final `flow_status`. */
export function isFinalResult(result: IDataObject, finalStatuses: string[] = DEFAULT_FINAL_STATUSES): boolean {
	return typeof result.flow_status === 'string' && finalStatuses.includes(result.flow_status);
}

/**
 * The shared verdict of a flow result (GET /flow/{id}/result). A result without `flow_status`
 * belongs to a flow that has not ended. `pass` counts as verified only with `end_cause`
 * "completed" (or none), as the public integrations check; the per-service entries that did not
 * succeed become reasons.
 */
export function flowVerification(result: IDataObject, flowId: string): Verification {
	const raw = result.flow_status;
	const providerStatus = typeof raw === 'string' ? raw : null;
	const endCause = typeof result.end_cause === 'string' ? result.end_cause : null;
	let status: VerificationStatus = raw === undefined || raw === null || raw === '' ? 'in_progress' : mapStatus(FLOW_STATUS, raw);
	const reasons: VerificationReason[] = [];
	if (status === 'verified' && endCause && endCause !== COMPLETED_END_CAUSE) {
		status = 'needs_review';
		reasons.push({ code: `end_cause.${endCause}`, text: `The flow passed but ended with "${endCause}", not "completed"` });
	}
	if (status === 'rejected' && endCause && endCause !== COMPLETED_END_CAUSE) {
		reasons.push({ code: `end_cause.${endCause}`, text: `The flow ended with "${endCause}"` });
	}
	const services = Array.isArray(result.services) ? (result.services as IDataObject[]) : [];
	for (const service of services) {
		if (!service || typeof service !== 'object') continue;
		const serviceStatus = service.service_status;
		if (serviceStatus !== undefined && serviceStatus !== 'success') {
			reasons.push({
				code: `${String(service.service_name ?? 'service')}.${String(serviceStatus)}`,
				text: `The ${String(service.service_name ?? 'service')} step ended with "${String(serviceStatus)}"`,
			});
		}
	}
	if (status === 'unknown') {
		reasons.push({ code: `flow_status.${String(raw)}`, text: 'Verigram returned a flow status this node does not know' });
	}
	const final = status === 'verified' || status === 'rejected' || status === 'needs_review';
	return verification({
		provider: 'verigram',
		ids: {
			flowId: (typeof result.flow_id === 'string' ? result.flow_id : flowId) as string,
			...(typeof result.person_id === 'string' ? { personId: result.person_id } : {}),
		},
		status,
		providerStatus,
		decidedAt: final && typeof result.finished_at === 'string' ? result.finished_at : null,
		person: null,
		document: null,
		reasons,
	});
}
