'use strict';
// Fixed-window rate limiter that also stamps X-RateLimit-* headers on every response.
// getConfig() returns { limit, windowSeconds, enforce } and is read per request so it can change at runtime.
function createRateLimiter({ clock, getConfig, keyFn, onLimited }) {
	let windows = new Map();
	function middleware(req, res, next) {
		const cfg = getConfig();
		if (!cfg) return next();
		const now = clock.nowMs();
		const key = keyFn(req);
		let w = windows.get(key);
		if (!w || now >= w.resetAt) {
			w = { count: 0, resetAt: now + cfg.windowSeconds * 1000 };
			windows.set(key, w);
		}
		w.count++;
		const remaining = Math.max(0, cfg.limit - w.count);
		res.set('X-RateLimit-Limit', String(cfg.limit));
		res.set('X-RateLimit-Remaining', String(remaining));
		if (cfg.enforce !== false && w.count > cfg.limit) {
			const retryAfter = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
			res.set('Retry-After', String(retryAfter));
			res.set('X-RateLimit-Reset', String(Math.ceil(w.resetAt / 1000)));
			return onLimited(req, res);
		}
		next();
	}
	return {
		middleware,
		reset: () => {
			windows = new Map();
		},
	};
}

module.exports = { createRateLimiter };
