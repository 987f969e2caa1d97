import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../shared/request';
import { describeRequestError, providerMessage } from '../../shared/request';
import { amiqusRequest } from '../transport';
import { recordVerification } from '../verdict';

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
