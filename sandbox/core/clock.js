'use strict';
// A clock that tests can move forward (token expiry, record expiry) without waiting.
function createClock() {
	let offsetMs = 0;
	return {
		now: () => new Date(Date.now() + offsetMs),
		nowMs: () => Date.now() + offsetMs,
		advance(ms) {
			offsetMs += ms;
		},
		reset() {
			offsetMs = 0;
		},
	};
}

// ISO date-time without milliseconds; style 'Z' or '+00:00' (providers differ).
function isoSeconds(date, style = 'Z') {
	if (date == null) return null;
	const s = new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return style === '+00:00' ? s.replace(/Z$/, '+00:00') : s;
}

module.exports = { createClock, isoSeconds };
