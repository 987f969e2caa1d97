'use strict';
// Nevis identity-verification sessions (nevis.md §1): pending -> in_progress -> verified | failed.
// An unfinished session times out after sessionTtlSeconds.
const crypto = require('crypto');

const FINISHED = ['verified', 'failed'];

function createSessions({ config, state, clock, getUrl, mount }) {
	const now = () => clock.nowMs();
	const find = (id) => state().sessions.get(String(id));
	const expired = (s) =>
		!FINISHED.includes(s.status) && now() - s.createdAt > config().sessionTtlSeconds * 1000;

	function newSessionId() {
		let id;
		do {
			id = String(crypto.randomInt(100000000, 1000000000));
		} while (state().sessions.has(id));
		return id;
	}
	function create(request) {
		const s = { id: newSessionId(), status: 'pending', createdAt: now(), request };
		state().sessions.set(s.id, s);
		return s;
	}
	const idOut = (s) => (config().sessionIdType === 'string' ? s.id : Number(s.id));
	const startUrlOf = (s) => `${getUrl()}${mount}/idv/welcome.html?tc=${s.id}`;

	// While pending or in_progress only the current status; when finished also the result and data (nevis.md §1).
	function view(s) {
		const out = { sessionId: idOut(s), status: s.status };
		if (FINISHED.includes(s.status)) {
			const fx = config().results[s.status] || {};
			Object.assign(
				out,
				JSON.parse(JSON.stringify(fx)),
				config().completedAtField ? { completedAt: new Date(s.finishedAt).toISOString() } : {},
			);
		}
		return out;
	}
	function finish(s, outcome) {
		s.status = outcome;
		s.finishedAt = now();
	}

	return { find, expired, create, idOut, startUrlOf, view, finish, FINISHED };
}

module.exports = { createSessions, FINISHED };
