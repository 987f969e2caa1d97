import type { IDataObject } from 'n8n-workflow';

import type {
	StatusTable,
	StatusTableDoc,
	Verification,
	VerificationReason,
	VerificationStatus,
} from '../shared/verdict';
import { commaList } from '../shared/validation';
import { mapStatus, verification } from '../shared/verdict';

/**
 * Every documented `flow_status` (verigram.md §5): `pass` when the verification succeeded and
 * `fail` otherwise. Verigram documents no in-progress value; any other value maps to `unknown`.
 */
export const FLOW_STATUS: StatusTable = {
	pass: 'verified',
	fail: 'rejected',
};

/** The Verigram table, as docs/verification.md shows it (generated from this object). */
export const STATUS_TABLES: StatusTableDoc[] = [
	{
		provider: 'Verigram',
		field: 'Flow result `flow_status`',
		source: 'verigram.md §5',
		table: FLOW_STATUS,
		notes: {
			pass: 'Verified only with `end_cause` "completed" (or none); another end cause gives `needs_review`',
			fail: 'UNCONFIRMED wording; an `end_cause` other than "completed" and every service whose `service_status` is not "success" become reasons',
		},
		remarks:
			'Verigram: a result with no `flow_status` (null or missing) belongs to a flow that has not ended and is `in_progress`; any other undocumented value is `unknown`.',
	},
];

/** The only documented `end_cause`: a flow the person completed. */
export const COMPLETED_END_CAUSE = 'completed';

/** The flow statuses the nodes treat as final unless the user lists others. */
export const DEFAULT_FINAL_STATUSES = Object.keys(FLOW_STATUS);

/** Parses "pass, fail" into a list; empty means the documented final statuses. */
export function finalStatusesFrom(value: unknown): string[] {
	const list = commaList(value);
	return list.length ? list : DEFAULT_FINAL_STATUSES;
}

/** Whether a flow result carries a final `flow_status`. */
export function isFinalResult(
	result: IDataObject,
	finalStatuses: string[] = DEFAULT_FINAL_STATUSES,
): boolean {
	return typeof result.flow_status === 'string' && finalStatuses.includes(result.flow_status);
}

const pick = (entries: IDataObject[], names: string[]): string | undefined => {
	for (const entry of entries) {
		for (const name of names) {
			const value = entry[name];
			if (typeof value === 'string' && value) return value;
		}
	}
	return undefined;
};

/**
 * Person and document from the per-service entries of a result. Verigram does not document their
 * fields (verigram.md §4.3), so the common spellings are read when a service returns them (also one
 * level down, e.g. `document: {...}`), and nothing is required.
 */
export function serviceDetails(services: IDataObject[]): Pick<Verification, 'person' | 'document'> {
	const entries: IDataObject[] = [];
	for (const service of services) {
		if (!service || typeof service !== 'object') continue;
		entries.push(service);
		for (const value of Object.values(service)) {
			if (value && typeof value === 'object' && !Array.isArray(value))
				entries.push(value as IDataObject);
		}
	}
	return {
		person: {
			firstName: pick(entries, ['first_name', 'firstName', 'given_name', 'name']),
			lastName: pick(entries, ['last_name', 'lastName', 'surname', 'family_name']),
			dateOfBirth: pick(entries, ['date_of_birth', 'dateOfBirth', 'birth_date', 'birthDate']),
		},
		document: {
			type: pick(entries, ['document_type', 'documentType', 'doc_type']),
			number: pick(entries, ['document_number', 'documentNumber', 'doc_number']),
			issuingCountry: pick(entries, ['issuing_country', 'issuingCountry', 'country']),
			expiryDate: pick(entries, ['expiry_date', 'expiryDate', 'date_of_expiry', 'expiration_date']),
		},
	};
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
	let status: VerificationStatus =
		raw === undefined || raw === null || raw === '' ? 'in_progress' : mapStatus(FLOW_STATUS, raw);
	const reasons: VerificationReason[] = [];
	if (status === 'verified' && endCause && endCause !== COMPLETED_END_CAUSE) {
		status = 'needs_review';
		reasons.push({
			code: `end_cause.${endCause}`,
			text: `The flow passed but ended with "${endCause}", not "completed"`,
		});
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
		reasons.push({
			code: `flow_status.${String(raw)}`,
			text: 'Verigram returned a flow status this node does not know',
		});
	}
	const details = serviceDetails(services);
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
		person: details.person,
		document: details.document,
		reasons,
	});
}
