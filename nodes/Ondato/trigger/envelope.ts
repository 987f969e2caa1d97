import type { IDataObject } from 'n8n-workflow';

/** Envelope ids are UUIDs; anything much longer is not an Ondato envelope. */
const MAX_ID_LENGTH = 200;

/** Older docs name the IDV events Idv.*; they are the same events. */
function normalizeEventType(type: string): string {
	return type.startsWith('Idv.') ? `IdentityVerification.${type.slice(4)}` : type;
}

/** The envelope with camelCase keys, whatever casing Ondato used (both occur, ondato.md §7.3). */
export function parseEnvelope(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const byLowerKey = new Map<string, unknown>();
	for (const [key, value] of Object.entries(body as IDataObject))
		byLowerKey.set(key.toLowerCase(), value);
	const pick = (key: string) => byLowerKey.get(key.toLowerCase());
	const id = pick('id');
	const type = pick('type');
	const payload = pick('payload');
	if (
		typeof id !== 'string' ||
		!id ||
		id.length > MAX_ID_LENGTH ||
		typeof type !== 'string' ||
		!type
	)
		return undefined;
	if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
	return {
		id,
		type,
		event: normalizeEventType(type),
		applicationId: (pick('applicationId') as string) ?? null,
		createdUtc: (pick('createdUtc') as string) ?? null,
		deliveredUtc: (pick('deliveredUtc') as string) ?? null,
		isDelivered: (pick('isDelivered') as boolean) ?? null,
		payload: payload as IDataObject,
	};
}
