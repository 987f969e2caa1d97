import type { IDataObject } from 'n8n-workflow';

import { reduceToVerdict } from '../../shared/personalData';

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

/** One header's value as a string (the first, when the header is repeated). */
export function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The signed bytes as a JSON object, or undefined when they are not one. */
export function parseSignedBody(raw: Buffer): IDataObject | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		return undefined;
	}
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
		? (parsed as IDataObject)
		: undefined;
}

/** The emitted item: the delivery's facts beside the payload, parsed from the signed bytes and untouched. */
export function deliveryItem(
	headers: IDataObject,
	payload: IDataObject,
	includeHeaders: boolean,
): IDataObject {
	const { event, triggeredAt } = describeDelivery(payload);
	const attempt = Number(headerValue(headers, 'x-aqid-delivery-attempt'));
	const item: IDataObject = {
		event,
		deliveryId: deliveryIdOf(headerValue(headers, 'x-aqid-delivery-id')),
		attempt: Number.isInteger(attempt) && attempt > 0 && attempt <= 100 ? attempt : null,
		triggeredAt,
		payload,
	};
	if (includeHeaders) item.headers = outputHeaders(headers);
	return item;
}

/** What Simplify keeps of a delivery besides `verification`. */
const DELIVERY_KEYS = ['event', 'deliveryId', 'attempt', 'triggeredAt', 'deliveryKey'];
const pick = (json: IDataObject, keys: string[]) =>
	Object.fromEntries(keys.filter((key) => json[key] !== undefined).map((key) => [key, json[key]]));

/** Simplify: the delivery (Amiqus sends ids only) and the verdict, never the fetched record or client. */
export function simplifiedDelivery(json: IDataObject): IDataObject {
	return {
		...reduceToVerdict(json, DELIVERY_KEYS),
		...pick(json, ['payload', 'headers', 'fetchErrors']),
	};
}
