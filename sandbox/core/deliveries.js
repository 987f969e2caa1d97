'use strict';
// What tests wait for: `waitForDeliveries(n, timeoutMs)` resolves once `count()` reaches n
// (with `value()`), or rejects with `message(n, timeoutMs)` after timeoutMs. The provider calls
// notify() after each delivery attempt it records.
function createWaiters({ count, value, message }) {
	const waiters = [];
	function notify() {
		for (const w of waiters.slice())
			if (count() >= w.n) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(value());
			}
	}
	function wait(n, timeoutMs = 5000) {
		if (count() >= n) return Promise.resolve(value());
		return new Promise((resolve, reject) => {
			const w = { n, resolve };
			waiters.push(w);
			setTimeout(() => {
				const i = waiters.indexOf(w);
				if (i >= 0) {
					waiters.splice(i, 1);
					reject(new Error(message(n, timeoutMs)));
				}
			}, timeoutMs).unref();
		});
	}
	return { notify, wait };
}

/** The attempts log of a provider that sends webhooks: one entry per HTTP attempt. */
function createAttemptLog() {
	const attempts = [];
	const waiters = createWaiters({
		count: () => attempts.length,
		value: () => attempts,
		message: (n, timeoutMs) =>
			`waitForDeliveries: got ${attempts.length} of ${n} within ${timeoutMs} ms`,
	});
	return {
		attempts,
		record(entry) {
			attempts.push(entry);
			waiters.notify();
		},
		waitForDeliveries: waiters.wait,
		reset() {
			attempts.length = 0;
		},
	};
}

/** Whether a subscription's event patterns ('*', a type, or 'Group.*'; none = all) take an event type. */
function matchesEvent(patterns, type) {
	return (
		!patterns ||
		patterns.some(
			(e) => e === '*' || e === type || (e.endsWith('.*') && type.startsWith(e.slice(0, -1))),
		)
	);
}

module.exports = { createWaiters, createAttemptLog, matchesEvent };
