'use strict';
// Verigram auth (verigram.md §3): test keys (key only, rate-limited) or production keys whose every
// request carries X-Verigram-Ts + X-Verigram-Hmac-SHA256 = hex(HMAC-SHA256(secret, ts + path-with-query)),
// checked here independently of the nodes.
const crypto = require('crypto');
const { createRateLimiter } = require('../../core/rateLimit');

const sign = (secret, ts, path) =>
	crypto.createHmac('sha256', secret).update(`${ts}${path}`).digest('hex');

const header = (req, name) => {
	const v = req.headers[name.toLowerCase()];
	return Array.isArray(v) ? v[0] : v;
};

function createAuth({ config, clock, errors, mount }) {
	const { fail } = errors;
	function verifySignature(secret, ts, sig, path) {
		if (!ts || !sig)
			return {
				ok: false,
				reason: 'X-Verigram-Ts and X-Verigram-Hmac-SHA256 are required for production keys',
			};
		if (!/^\d+$/.test(ts))
			return { ok: false, reason: 'X-Verigram-Ts must be unix time in seconds' };
		if (Math.abs(clock.nowMs() / 1000 - Number(ts)) > config().signatureToleranceSeconds)
			return { ok: false, reason: 'X-Verigram-Ts is outside the allowed window' };
		// Lowercase hex exactly, as the public integrations send it.
		const a = Buffer.from(sign(secret, ts, path), 'utf8');
		const b = Buffer.from(String(sig), 'utf8');
		if (a.length !== b.length || !crypto.timingSafeEqual(a, b))
			return { ok: false, reason: 'Signature does not match' };
		return { ok: true };
	}

	function authenticate(req, res, next) {
		const cfg = config();
		const key = header(req, 'X-Verigram-Api-Key');
		const entry = req.sandboxLogEntry;
		const accessToken = req.path === '/resources/access-token';
		const versions = accessToken ? cfg.accessTokenVersions : cfg.apiVersions;
		const version = header(req, 'X-Verigram-Api-Version');
		if (!key)
			return fail(res, cfg.badKeyStatus, 'unauthorized', 'X-Verigram-Api-Key header is missing');
		const production = cfg.productionKeys.find((k) => k.key === key);
		const test = cfg.testKeys.includes(key);
		if (!production && !test) return fail(res, cfg.badKeyStatus, 'unauthorized', 'Invalid API key');
		if (!version || !versions.includes(version)) {
			return fail(
				res,
				400,
				'unsupported_api_version',
				`X-Verigram-Api-Version must be one of ${versions.join(', ')}`,
			);
		}
		if (production) {
			const ts = header(req, 'X-Verigram-Ts');
			const sig = header(req, 'X-Verigram-Hmac-SHA256');
			// The signed path is the provider-relative path with its query string, as the client sent it.
			const path = req.originalUrl.startsWith(mount)
				? req.originalUrl.slice(mount.length) || '/'
				: req.originalUrl;
			const check = verifySignature(production.secret, ts, sig, path);
			if (entry)
				entry.verigramAuth = {
					mode: 'production',
					signedPath: path,
					signature: check.ok ? 'valid' : check.reason,
				};
			if (!check.ok) return fail(res, cfg.badSignatureStatus, 'invalid_signature', check.reason);
		} else {
			if (accessToken && !cfg.accessTokenForTestKeys)
				return fail(res, 403, 'forbidden', 'Test keys cannot request access tokens');
			if (entry) entry.verigramAuth = { mode: 'test' };
		}
		req.verigramKey = { key, mode: production ? 'production' : 'test' };
		next();
	}

	const limiter = createRateLimiter({
		clock,
		// Only test keys are rate-limited (verigram.md §3.1, §7).
		getConfig: () => config().testKeyRateLimit,
		keyFn: (req) => `key:${header(req, 'X-Verigram-Api-Key')}`,
		onLimited: (req, res) =>
			fail(res, 429, 'too_many_requests', 'Rate limit exceeded for the test API key'),
	});
	const limitTestKeys = (req, res, next) =>
		req.verigramKey?.mode === 'test' ? limiter.middleware(req, res, next) : next();

	return { authenticate, limitTestKeys, limiter };
}

module.exports = { createAuth, sign };
