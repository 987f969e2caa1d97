import { createHmac } from 'crypto';

import { hmac, safeEqual, verifyHmacSignature } from '../../nodes/shared/signature';

const secret = 'whsec-unit';
/** A body whose base64 HMAC has "+" or "/" in it, so the URL-safe spelling differs. */
const body = (() => {
	for (let id = 1; ; id++) {
		const candidate = Buffer.from(
			`{"trigger":{"alias":"record.finished"},"data":{"record":{"id":${id}}}}`,
		);
		if (/[+/]/.test(createHmac('sha256', secret).update(candidate).digest('base64')))
			return candidate;
	}
})();
const base64 = createHmac('sha256', secret).update(body).digest('base64');
const hex = createHmac('sha256', secret).update(body).digest('hex');

describe('verifyHmacSignature', () => {
	it('accepts the canonical spellings of the right HMAC', () => {
		expect(
			verifyHmacSignature({ secret, payload: body, received: base64, encoding: 'base64' }),
		).toEqual({ valid: true });
		expect(verifyHmacSignature({ secret, payload: body, received: hex, encoding: 'hex' })).toEqual({
			valid: true,
		});
		// Surrounding white space of a header value and upper-case hex are the same text.
		expect(
			verifyHmacSignature({ secret, payload: body, received: ` ${base64} `, encoding: 'base64' }),
		).toEqual({ valid: true });
		expect(
			verifyHmacSignature({ secret, payload: body, received: hex.toUpperCase(), encoding: 'hex' }),
		).toEqual({ valid: true });
		expect(
			verifyHmacSignature({
				secret,
				payload: body,
				received: `sha256=${hex}`,
				prefix: 'sha256=',
				encoding: 'hex',
			}),
		).toEqual({ valid: true });
	});

	it('refuses other spellings of the same bytes: unpadded, URL-safe, trailing data', () => {
		expect(base64.endsWith('=')).toBe(true);
		const spellings = [
			base64.replace(/=+$/, ''),
			base64.replace(/\+/g, '-').replace(/\//g, '_'),
			base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
			`${base64}AAAA`,
			`${base64}.x`,
			`${base64}====`,
			`${hex}00`,
		];
		for (const received of spellings) {
			const encoding = received.startsWith(hex) ? 'hex' : 'base64';
			expect([
				received,
				verifyHmacSignature({ secret, payload: body, received, encoding }),
			]).toEqual([received, { valid: false, reason: 'the signature does not match the body' }]);
		}
		// URL-safe base64 really does decode to the same bytes: only the comparison of text refuses it.
		expect(
			Buffer.from(base64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64').equals(
				Buffer.from(base64, 'base64'),
			),
		).toBe(true);
	});

	it('fails closed: no secret, no header, wrong prefix, wrong key, altered body', () => {
		expect(
			verifyHmacSignature({
				secret: undefined,
				payload: body,
				received: base64,
				encoding: 'base64',
			}),
		).toMatchObject({ valid: false });
		expect(
			verifyHmacSignature({ secret: '', payload: body, received: base64, encoding: 'base64' }),
		).toMatchObject({ valid: false });
		expect(
			verifyHmacSignature({ secret, payload: body, received: undefined, encoding: 'base64' }),
		).toMatchObject({ valid: false, reason: 'the signature header is missing' });
		expect(
			verifyHmacSignature({
				secret,
				payload: body,
				received: hex,
				prefix: 'sha256=',
				encoding: 'hex',
			}),
		).toMatchObject({ valid: false, reason: 'the signature has the wrong format' });
		expect(
			verifyHmacSignature({ secret: 'other', payload: body, received: base64, encoding: 'base64' }),
		).toMatchObject({ valid: false });
		expect(
			verifyHmacSignature({
				secret,
				payload: Buffer.concat([body, Buffer.from(' ')]),
				received: base64,
				encoding: 'base64',
			}),
		).toMatchObject({ valid: false });
		expect(
			verifyHmacSignature({
				secret,
				payload: body,
				received: base64,
				encoding: 'base64',
				algorithm: 'sha512',
			}),
		).toMatchObject({ valid: false });
	});

	it('checks the signed timestamp against the window, in seconds or milliseconds', () => {
		const now = 1_800_000_000_000;
		const check = (timestamp: number | string | undefined, toleranceSeconds: number) =>
			verifyHmacSignature({
				secret,
				payload: body,
				received: hex,
				encoding: 'hex',
				timestamp,
				toleranceSeconds,
				now,
			});
		expect(check(now / 1000 - 60, 300)).toEqual({ valid: true });
		expect(check(now - 60_000, 300)).toEqual({ valid: true });
		expect(check(now / 1000 - 301, 300)).toMatchObject({
			valid: false,
			reason: 'the signed timestamp is outside the allowed window',
		});
		expect(check(now / 1000 + 301, 300)).toMatchObject({ valid: false });
		expect(check(undefined, 300)).toMatchObject({
			valid: false,
			reason: 'the signed timestamp is missing',
		});
		expect(check('', 300)).toMatchObject({
			valid: false,
			reason: 'the signed timestamp is missing',
		});
		expect(check('yesterday', 300)).toMatchObject({
			valid: false,
			reason: 'the signed timestamp is not a number',
		});
	});

	it('refuses when the window is not a number, instead of turning the window off', () => {
		const stale = 1_000_000;
		for (const toleranceSeconds of [NaN, Infinity, Number('abc')]) {
			expect(
				verifyHmacSignature({
					secret,
					payload: body,
					received: hex,
					encoding: 'hex',
					timestamp: stale,
					toleranceSeconds,
				}),
			).toMatchObject({ valid: false });
		}
	});
});

describe('hmac and safeEqual', () => {
	it('hmac matches Node crypto in both encodings', () => {
		expect(hmac('sha256', secret, body, 'base64')).toBe(base64);
		expect(hmac('sha1', secret, body, 'hex')).toBe(
			createHmac('sha1', secret).update(body).digest('hex'),
		);
	});

	it('safeEqual compares text and bytes and never throws on different lengths', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
		expect(safeEqual(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
		expect(safeEqual(Buffer.from([1, 2]), 'ab')).toBe(false);
	});
});
