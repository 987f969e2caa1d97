import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../shared/request';
import { describeRequestError, providerMessage } from '../../shared/request';
import { amiqusRequest } from '../transport';
import { recordVerification } from '../verdict';

const DEFAULT_MAX_AGE_MINUTES = 60;
/** Clock difference allowed between Amiqus and n8n, added to the window. */
const CLOCK_SKEW_SECONDS = 300;

function maxAgeMinutes(option: unknown): number {
	const minutes = Number(option ?? DEFAULT_MAX_AGE_MINUTES);
	return Number.isFinite(minutes) && minutes >= 0 ? minutes : DEFAULT_MAX_AGE_MINUTES;
}

/** Whether a delivery's signed `triggered_at` is within the window (0: no window). */
export function deliveryAge(
	triggeredAt: string | null,
	option: unknown,
	now = Date.now(),
): { ok: true } | { ok: false; reason: string } {
	const minutes = maxAgeMinutes(option);
	if (minutes === 0) return { ok: true };
	const time = triggeredAt ? Date.parse(triggeredAt) : NaN;
	if (!Number.isFinite(time))
		return { ok: false, reason: 'the delivery has no readable trigger time (triggered_at)' };
	if (Math.abs(now - time) > (minutes * 60 + CLOCK_SKEW_SECONDS) * 1000) {
		return {
			ok: false,
			reason: `the delivery was triggered at ${triggeredAt}, outside the ${minutes}-minute window`,
		};
	}
	return { ok: true };
}

/** How long a delivery is remembered: as long as a copy of it can be accepted (24 h without a window). */
export function markerSeconds(option: unknown): number {
	const minutes = maxAgeMinutes(option);
	return minutes === 0 ? 86_400 : minutes * 60 + 2 * CLOCK_SKEW_SECONDS;
}

/** X-AQID-Delivery-Id for the output, when it looks like an id (unsigned: informative only). */
export function deliveryIdOf(value: string | undefined): string | null {
	return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : null;
}

/** Headers never copied into an execution: replay material and credentials. */
const SECRET_HEADERS = new Set([
	'x-aqid-signature',
	'authorization',
	'proxy-authorization',
	'cookie',
]);

export function outputHeaders(headers: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(headers).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase())),
	);
}

/** Fetch Full Resource: adds the record and/or client (and the steps) to an emitted item. */
export async function addFullResources(
	ctx: IExecuteFunctions,
	item: IDataObject,
	includeChecks: boolean,
): Promise<void> {
	const payload = (item.payload ?? {}) as IDataObject;
	const event = String(item.event ?? '');
	const errors: IDataObject[] = [];
	for (const kind of resourcesToFetch(event)) {
		const id = resourceIdOf(payload, kind);
		if (id === undefined) continue;
		const { value, error } = await fetchResource(ctx, kind, id);
		if (value) item[kind] = value;
		if (error) {
			ctx.logger.warn(`Amiqus Trigger could not fetch ${kind} ${id}: ${String(error.message)}`);
			errors.push(error);
		}
	}
	const recordId = resourceIdOf(payload, 'record');
	if (item.record && recordId !== undefined && includeChecks) {
		const { value, error } = await fetchResource(ctx, 'steps', recordId);
		const steps = value && Array.isArray(value.data) ? (value.data as IDataObject[]) : undefined;
		if (steps) item.steps = steps;
		if (error) errors.push(error);
		item.verification = recordVerification(item.record as IDataObject, steps);
	} else if (item.record) {
		item.verification = recordVerification(item.record as IDataObject);
	}
	if (errors.length) item.fetchErrors = errors;
}

/** Event alias and time of a delivery, in either body format Amiqus is documented to use (amiqus.md §7.2). */
export function describeDelivery(body: IDataObject): { event: string; triggeredAt: string | null } {
	const trigger = body.trigger as IDataObject | undefined;
	if (trigger && typeof trigger === 'object' && typeof trigger.alias === 'string') {
		return {
			event: trigger.alias,
			triggeredAt: typeof trigger.triggered_at === 'string' ? trigger.triggered_at : null,
		};
	}
	// The delivery-log format: { uuid, event, sent_at, data } (seen for pings).
	if (typeof body.event === 'string') {
		return {
			event: body.event,
			triggeredAt: typeof body.sent_at === 'string' ? body.sent_at : null,
		};
	}
	return { event: '', triggeredAt: null };
}

/**
 * The id of `data.<kind>` in a payload. Read from the id, never from the `show` URL, whose
 * style differs (v1 `/api/records/1` and v2 `/api/v2/records/1` are both seen).
 */
export function resourceIdOf(body: IDataObject, kind: 'record' | 'client'): number | undefined {
	const data = body.data as IDataObject | undefined;
	const entry =
		data && typeof data === 'object' && !Array.isArray(data)
			? (data[kind] as IDataObject | null)
			: undefined;
	const id = entry && typeof entry === 'object' ? entry.id : undefined;
	const value = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** Which resources "Fetch Full Resource" fetches for an event. */
export function resourcesToFetch(event: string): Array<'record' | 'client'> {
	if (event === 'client.record') return ['record', 'client'];
	if (event === 'client.deleted') return [];
	if (event.startsWith('client.')) return ['client'];
	if (event.startsWith('record.')) return ['record'];
	return [];
}

/**
 * The lookup runs in the execution, after n8n has answered Amiqus (whose 5-second deadline
 * therefore does not apply): a bounded budget, so an unreachable API still ends the execution
 * soon with the delivery and a fetch error.
 */
const TRIGGER_FETCH_RETRY: RetryPolicy = { maxRetries: 2, maxTotalWaitMs: 5000, baseDelayMs: 500 };
const TRIGGER_FETCH_TIMEOUT_MS = 10_000;

export async function fetchResource(
	ctx: IExecuteFunctions,
	kind: 'record' | 'client' | 'steps',
	id: number,
): Promise<{ value?: IDataObject; error?: IDataObject }> {
	try {
		// A record's steps with their checks and reviews: one page of up to 100 (records hold far fewer steps).
		const path = kind === 'steps' ? `/records/${id}/steps` : `/${kind}s/${id}`;
		const qs = kind === 'steps' ? { expand: 'check,review', limit: 100 } : undefined;
		const value = (await amiqusRequest(ctx, 'GET', path, {
			qs,
			retry: TRIGGER_FETCH_RETRY,
			timeout: TRIGGER_FETCH_TIMEOUT_MS,
		})) as IDataObject;
		return { value };
	} catch (error) {
		// The delivery is still emitted: the signed payload is the event, the lookup only adds detail.
		const info = describeRequestError(error);
		const httpCode =
			(error as { httpCode?: string }).httpCode ?? (info.status ? String(info.status) : undefined);
		const message = (error as Error).message || providerMessage(info.data) || 'The lookup failed';
		return { error: { resource: kind, id, message, ...(httpCode ? { httpCode } : {}) } };
	}
}
