'use strict';
// Fault injection: forced status (429 with Retry-After, 5xx), dropped connections and slow responses.
// A fault matches by provider, optional method and optional path (prefix string or RegExp, provider-relative).
function createFaults() {
	let faults = [];
	let seq = 1;

	function add(spec) {
		if (!spec || !spec.provider) throw new Error('faults.add: provider is required');
		if (spec.status == null && !spec.drop && spec.delayMs == null)
			throw new Error('faults.add: one of status, drop, delayMs is required');
		const path =
			typeof spec.path === 'string' &&
			spec.path.startsWith('/') &&
			spec.path.length > 2 &&
			spec.path.startsWith('/^')
				? new RegExp(spec.path.slice(1))
				: spec.path; // '/^...' strings from HTTP control become RegExp
		const fault = { id: seq++, times: 1, ...spec, path, used: 0 };
		if (fault.times === null || fault.times === 'Infinity') fault.times = Infinity;
		faults.push(fault);
		return fault;
	}

	function take(provider, method, relPath) {
		const f = faults.find(
			(x) =>
				x.provider === provider &&
				x.used < x.times &&
				(!x.method || x.method.toUpperCase() === method) &&
				(!x.path || (x.path instanceof RegExp ? x.path.test(relPath) : relPath.startsWith(x.path))),
		);
		if (f) f.used++;
		faults = faults.filter((x) => x.used < x.times);
		return f;
	}

	// onStatus(res, fault) lets the provider shape the body; rate-limit headers are added here for 429.
	function middleware(provider, stripPath, { clock, onStatus } = {}) {
		return (req, res, next) => {
			const f = take(provider, req.method, stripPath(req.path));
			if (!f) return next();
			if (req.sandboxLogEntry) req.sandboxLogEntry.fault = { id: f.id };
			const apply = () => {
				if (f.drop) {
					req.socket.destroy();
					return;
				}
				if (f.status == null) return next(); // pure delay
				if (f.status === 429) {
					const retryAfter = f.retryAfter ?? 1;
					res.set('Retry-After', String(retryAfter));
					res.set(
						'X-RateLimit-Reset',
						String(Math.ceil((clock ? clock.nowMs() : Date.now()) / 1000 + retryAfter)),
					);
					res.set('X-RateLimit-Remaining', '0');
				} else if (f.retryAfter != null) {
					res.set('Retry-After', String(f.retryAfter));
				}
				if (f.body !== undefined)
					return res.status(f.status).type('json').send(JSON.stringify(f.body));
				if (onStatus) return onStatus(res, f);
				return res
					.status(f.status)
					.type('json')
					.send(JSON.stringify({ message: `Injected fault ${f.status}` }));
			};
			if (f.delayMs) setTimeout(apply, f.delayMs);
			else apply();
		};
	}

	return {
		add,
		list: () => faults,
		clear: () => {
			faults = [];
		},
		middleware,
	};
}

module.exports = { createFaults };
