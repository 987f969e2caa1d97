import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../shared/request';
import { describeRequestError, providerMessage, providerRequest } from '../../shared/request';
import { amiqusCredentialType } from '../transport';

/** Event alias and time of a delivery, in either body format Amiqus is documented to use (amiqus.md §7.2). */
export function describeDelivery(body: IDataObject): { event: string; triggeredAt: string | null } {
	const trigger = body.trigger as IDataObject | undefined;
	if (trigger && typeof trigger === 'object' && typeof trigger.alias === 'string') {
		return { event: trigger.alias, triggeredAt: typeof trigger.triggered_at === 'string' ? trigger.triggered_at : null };
	}
	// The delivery-log format: { uuid, event, sent_at, data } (seen for pings).
	if (typeof body.event === 'string') {
		return { event: body.event, triggeredAt: typeof body.sent_at === 'string' ? body.sent_at : null };
	}
	return { event: '', triggeredAt: null };
}

/**
 * The id of `data.<kind>` in a payload. Read from the id, never from the `show` URL, whose
 * style differs (v1 `/api/records/1` and v2 `/api/v2/records/1` are both seen).
 */
export function resourceIdOf(body: IDataObject, kind: 'record' | 'client'): number | undefined {
	const data = body.data as IDataObject | undefined;
	const entry = data && typeof data === 'object' && !Array.isArray(data) ? (data[kind] as IDataObject | null) : undefined;
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
 * Amiqus wants a 2xx within 5 seconds and the fetch happens before n8n answers, so the
 * lookup gets a short timeout and at most one quick retry (not the action node's 30 s budget).
 */
const TRIGGER_FETCH_RETRY: RetryPolicy = { maxRetries: 1, maxTotalWaitMs: 1000, baseDelayMs: 250 };
const TRIGGER_FETCH_TIMEOUT_MS = 3000;

export async function fetchResource(
	ctx: IWebhookFunctions,
	kind: 'record' | 'client' | 'steps',
	id: number,
): Promise<{ value?: IDataObject; error?: IDataObject }> {
	try {
		const credentialType = amiqusCredentialType(ctx);
		const credentials = await ctx.getCredentials(credentialType);
		const baseUrl = String(credentials.baseUrl || 'https://id.amiqus.co/api/v2').replace(/\/+$/, '');
		// A record's steps with their checks and reviews: one page of up to 100 (records hold far fewer steps).
		const url = kind === 'steps' ? `${baseUrl}/records/${id}/steps` : `${baseUrl}/${kind}s/${id}`;
		const qs = kind === 'steps' ? { expand: 'check,review', limit: 100 } : undefined;
		const value = (await providerRequest(
			ctx,
			{ provider: 'Amiqus', credentialType, retry: TRIGGER_FETCH_RETRY },
			{ method: 'GET', url, qs, timeout: TRIGGER_FETCH_TIMEOUT_MS },
		)) as IDataObject;
		return { value };
	} catch (error) {
		// The delivery is still emitted: the signed payload is the event, the lookup only adds detail.
		const info = describeRequestError(error);
		const httpCode = (error as { httpCode?: string }).httpCode ?? (info.status ? String(info.status) : undefined);
		const message = (error as Error).message || providerMessage(info.data) || 'The lookup failed';
		return { error: { resource: kind, id, message, ...(httpCode ? { httpCode } : {}) } };
	}
}
