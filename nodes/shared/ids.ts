/**
 * Ids that go into a URL path (a flow id from the browser, an id from a webhook payload or from a
 * provider's answer). `encodeURIComponent` leaves `.` and `..` as they are, and the URL parser
 * then moves the request a folder up: such ids, and anything with `/`, `\`, `?`, `#`, `%` or
 * spaces, are refused before any request is sent.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9._~:@+-]{1,256}$/;

export function isSafePathSegment(value: unknown): boolean {
	return typeof value === 'string' && SAFE_SEGMENT.test(value) && !/^\.+$/.test(value);
}

/** Thrown for an id that could move a request; the caller's error names the field and the item. */
export class UnsafeIdError extends Error {}

/** The id as one encoded path segment; throws `UnsafeIdError` for an id that could move the request. */
export function pathSegment(value: string | number): string {
	const text = String(value);
	if (!isSafePathSegment(text))
		throw new UnsafeIdError(`"${text.slice(0, 64)}" is not a valid ID for a URL path`);
	return encodeURIComponent(text);
}
