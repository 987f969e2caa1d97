import { createHmac, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type SignatureEncoding = 'hex' | 'base64';

export function hmac(
	algorithm: HmacAlgorithm,
	secret: string | Buffer,
	payload: string | Buffer,
	encoding: SignatureEncoding,
): string {
	return createHmac(algorithm, secret).update(payload).digest(encoding);
}

/** Constant-time comparison that never throws: unequal lengths are simply unequal. */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
	const left = Buffer.isBuffer(a) ? a : Buffer.from(a, 'utf8');
	const right = Buffer.isBuffer(b) ? b : Buffer.from(b, 'utf8');
	if (left.length !== right.length) {
		// Still spend the time of a comparison so the length does not leak through timing.
		timingSafeEqual(left, left);
		return false;
	}
	return timingSafeEqual(left, right);
}

export interface SignatureCheck {
	secret: string | undefined;
	payload: Buffer | string;
	/** The signature as received (header value), without any prefix already removed. */
	received: string | undefined;
	algorithm?: HmacAlgorithm;
	encoding: SignatureEncoding;
	/** e.g. "sha256=" for GitHub-style headers. */
	prefix?: string;
	/** Seconds (or milliseconds) since the epoch, when the provider signs a timestamp. */
	timestamp?: number | string;
	/** Refuse timestamps further than this from now; off when not set. */
	toleranceSeconds?: number;
	now?: number;
}

export type SignatureVerdict = { valid: true } | { valid: false; reason: string };

/** Fail-closed HMAC check over the raw body: no secret, no header or a wrong value is a refusal. */
export function verifyHmacSignature(check: SignatureCheck): SignatureVerdict {
	if (!check.secret) return { valid: false, reason: 'no signing secret is known for this webhook' };
	if (!check.received) return { valid: false, reason: 'the signature header is missing' };
	let received = check.received.trim();
	if (check.prefix) {
		if (!received.startsWith(check.prefix))
			return { valid: false, reason: 'the signature has the wrong format' };
		received = received.slice(check.prefix.length);
	}
	if (check.toleranceSeconds !== undefined) {
		// A tolerance that is not a number would turn the window off (`x > NaN` is false): refuse instead.
		if (!Number.isFinite(check.toleranceSeconds))
			return { valid: false, reason: 'the allowed time window is not a number' };
		if (check.timestamp === undefined || check.timestamp === '') {
			return { valid: false, reason: 'the signed timestamp is missing' };
		}
		let seconds = Number(check.timestamp);
		if (!Number.isFinite(seconds))
			return { valid: false, reason: 'the signed timestamp is not a number' };
		if (seconds > 1e12) seconds = seconds / 1000;
		const now = (check.now ?? Date.now()) / 1000;
		if (Math.abs(now - seconds) > check.toleranceSeconds) {
			return { valid: false, reason: 'the signed timestamp is outside the allowed window' };
		}
	}
	const expected = hmac(check.algorithm ?? 'sha256', check.secret, check.payload, check.encoding);
	// Compared as text in the canonical spelling (lowercase hex; standard, padded base64): decoding
	// first would also accept unpadded, URL-safe or trailing-garbage spellings of the same bytes.
	const equal =
		check.encoding === 'hex'
			? safeEqual(expected, received.toLowerCase())
			: safeEqual(expected, received);
	return equal
		? { valid: true }
		: { valid: false, reason: 'the signature does not match the body' };
}

/** The exact bytes n8n received. Signatures are computed over these, never over re-serialised JSON. */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const req = ctx.getRequestObject() as unknown as { rawBody?: Buffer | string; body?: unknown };
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	if (typeof req.rawBody === 'string') return Buffer.from(req.rawBody, 'utf8');
	return Buffer.from(
		typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? {}),
		'utf8',
	);
}
