'use strict';
// Callbacks (identomat.md §6): JSON POSTs to the company's Callback URL, with the Callback API key
// inside the body. sb.identomat.deliveries: one record per callback, with its attempts.
const { createWaiters } = require('../../core/deliveries');

function createEvents({ config, deliverer }) {
	let deliveries = [];
	const finished = () => deliveries.filter((d) => d.ok !== undefined).length;
	const waiters = createWaiters({
		count: finished,
		value: () => deliveries,
		message: (n) => `expected ${n} callback deliveries, got ${deliveries.length}`,
	});

	function emitCallback(type, sessionId, extra = {}) {
		const cb = config().callbacks;
		if (!cb.url) return Promise.resolve({ ok: false, skipped: true });
		const body = JSON.stringify({ callbackApiKey: cb.apiKey, type, sessionId, ...extra });
		const record = { type, sessionId, body: JSON.parse(body), attempts: [] };
		deliveries.push(record);
		return deliverer
			.deliver({
				url: cb.url,
				body,
				timeoutMs: cb.timeoutMs,
				schedule: cb.retrySchedule,
				makeHeaders: () => ({
					'Content-Type': 'application/json',
					'User-Agent': 'Identomat (sandbox)',
				}),
				onAttempt: (a) =>
					record.attempts.push({ attempt: a.attempt, status: a.status, ok: a.ok, error: a.error }),
			})
			.then((r) => {
				record.ok = r.ok;
				waiters.notify();
				return r;
			});
	}

	return {
		emitCallback,
		get deliveries() {
			return deliveries;
		},
		waitForDeliveries: waiters.wait,
		reset() {
			deliveries = [];
		},
	};
}

module.exports = { createEvents };
