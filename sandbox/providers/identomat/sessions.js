'use strict';
// Identomat sessions (identomat.md §4-§5): begin/ creates one; the widget opens and completes it,
// which sends the delegation callbacks its steps ask for and, if switched on, a status update.
const crypto = require('crypto');
const fixtures = require('./fixtures');

const OUTCOMES = ['approved', 'rejected', 'proofOfAddress', 'manualCheck', 'inProgress'];

function newToken() {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(40);
	let out = '';
	for (let i = 0; i < 40; i++) out += alphabet[bytes[i] % alphabet.length];
	return out;
}

function createSessions({ config, state, clock, events }) {
	const find = (token) => state().sessions.get(token);

	function expired(s) {
		if (config().expiry === 'never' || s.status === 'completed') return false;
		if (config().expiry === 'unopened' && s.openedAt) return false;
		return clock.nowMs() - s.createdAt > config().tokenTtlMinutes * 60_000;
	}

	function create({ companyKey, flags, steps, configId, parent, encoding }) {
		const token = newToken();
		state().sessions.set(token, {
			token,
			companyKey,
			flags,
			steps,
			configId,
			parent: parent ? parent.token : null,
			children: [],
			createdAt: clock.nowMs(),
			openedAt: null,
			status: 'created',
			outcome: null,
			deleted: false,
			encoding,
		});
		if (parent) parent.children.push(token);
		return token;
	}

	function open(s) {
		s.openedAt = s.openedAt || clock.nowMs();
		if (s.status === 'created') s.status = 'opened';
	}

	function complete(s, outcome = 'approved') {
		if (!OUTCOMES.includes(outcome))
			throw new Error(`outcome must be one of ${OUTCOMES.join(', ')}`);
		s.openedAt = s.openedAt || clock.nowMs();
		s.outcome = outcome;
		s.status = outcome === 'inProgress' ? 'opened' : 'completed';
		const delegation = [];
		for (const st of s.steps) {
			const f = { ...(st.flags || {}), ...st };
			if (st.type === 'phone-number' && f.require_phone_number_check)
				delegation.push([
					'one-time-password-request',
					{ text: 'Your code is 6867', phoneNumber: '+995512345678' },
				]);
			if (st.type === 'email' && f.require_email_check)
				delegation.push([
					'email-one-time-password-request',
					{ text: 'Your code is 6867', email: 'person@example.com' },
				]);
		}
		for (const [type, extra] of delegation) events.emitCallback(type, s.token, extra);
		if (config().callbacks.statusUpdates && s.status === 'completed')
			events.emitCallback(config().callbacks.statusUpdateType, s.token, {
				result: fixtures.result(outcome, s, config()).result,
			});
		return s;
	}

	function returnUrlFor(s) {
		const url = s.flags.return_url;
		if (!url) return null;
		const param = config().returnUrlTokenParameter;
		if (!param) return url;
		const u = new URL(url);
		u.searchParams.set(param, s.token);
		return u.toString();
	}

	return { find, expired, create, open, complete, returnUrlFor };
}

module.exports = { createSessions, OUTCOMES };
