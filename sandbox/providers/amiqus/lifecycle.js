'use strict';
// Record/step/check state machine (amiqus.md §6 RecordStatus) and the events each change emits.
// status is derived from steps and checks, so it can never drift from them.
const FINAL_CHECK = ['accepted', 'rejected', 'refer', 'failed'];
const TERMINAL = ['complete', 'incomplete', 'empty'];
const CHECK_STATUSES = [
	'pending',
	'submitted',
	'accepted',
	'rejected',
	'refer',
	'failed',
	'paused',
];

function createLifecycle({ state, clock, events }) {
	const st = () => state();
	const stepsOf = (r) => r.steps.map((id) => st().steps.get(id));
	const checkOf = (s) => (s.check != null ? st().checks.get(s.check) : null);

	function isExpired(r) {
		return r.expired_at && new Date(r.expired_at).getTime() <= clock.nowMs();
	}

	function computeStatus(r) {
		if (r.is_reviewed) return 'reviewed';
		const steps = stepsOf(r);
		const done = steps.filter((s) => s.completed_at);
		const checks = steps.map(checkOf).filter(Boolean);
		if (done.length === steps.length) {
			if (checks.some((c) => c.status === 'paused')) return 'paused';
			if (checks.some((c) => !FINAL_CHECK.includes(c.status))) return 'waiting';
			return 'complete';
		}
		if (isExpired(r)) return done.length ? 'incomplete' : 'empty';
		if (checks.some((c) => c.status === 'paused')) return 'paused';
		if (done.some((s) => checkOf(s) && ['submitted', 'pending'].includes(checkOf(s).status)))
			return 'waiting';
		return done.length ? 'started' : 'pending';
	}

	function performUrl(r, baseUrl) {
		const open = stepsOf(r).some((s) => !s.completed_at);
		return open && !isExpired(r) ? `${baseUrl}/amiqus/i/${r.performToken}` : false;
	}

	// Runs a mutation and emits record.updated / record.finished when the visible state changed.
	function mutate(r, fn, { alias = 'record.updated' } = {}) {
		const before = computeStatus(r);
		fn();
		r.updated_at = clock.now();
		const after = computeStatus(r);
		if (alias) events.emit(alias, { record: r });
		if (after !== before && TERMINAL.includes(after) && !r.finishedEmitted) {
			r.finishedEmitted = true;
			events.emit('record.finished', { record: r });
		}
		return after;
	}

	function completeStep(r, s, outcome) {
		if (s.completed_at) return;
		s.completed_at = clock.now();
		const c = checkOf(s);
		if (c) {
			// check.dummy's "state" preference sets the result, as on the live API.
			const result =
				outcome || (c.type === 'dummy' && s.preferences && s.preferences.state) || 'accepted';
			setCheck(c, result, r);
		}
		if (s.document != null) {
			const d = st().documents.get(s.document);
			d.status = 'complete';
			d.completed_at = clock.now();
			d.updated_at = clock.now();
		}
	}

	function setCheck(c, status, r) {
		c.status = status;
		c.updated_at = clock.now();
		if (FINAL_CHECK.includes(status)) c.response = buildResponse(c, status);
		if (c.type === 'photo_id' && FINAL_CHECK.includes(status) && !c.filesCreated) {
			c.filesCreated = true;
			events.onPhotoIdDone && events.onPhotoIdDone(c, r);
		}
	}

	function buildResponse(c, status) {
		if (c.type !== 'photo_id') return { object: 'check_response.other' };
		return {
			object: 'check_response.photo_id',
			status: 'complete',
			result: status === 'accepted' ? 'clear' : 'consider',
			reports: [],
			media: [],
		};
	}

	// The person completes every open step (hosted page "Approve"/"Reject" or the control endpoint).
	function completeRecord(r, outcome) {
		if (isExpired(r)) return computeStatus(r);
		return mutate(r, () => {
			for (const s of stepsOf(r)) completeStep(r, s, outcome);
		});
	}

	function completeOneStep(r, s, outcome) {
		return mutate(r, () => completeStep(r, s, outcome));
	}

	function setCheckStatus(c, status) {
		const r = st().records.get(c.record);
		return mutate(r, () => {
			setCheck(c, status, r);
			// A check with a result implies its step was submitted.
			const s = stepsOf(r).find((x) => x.check === c.id);
			if (s && !s.completed_at && status !== 'pending') s.completed_at = clock.now();
		});
	}

	function expire(r) {
		if (isExpired(r)) return;
		mutate(r, () => {
			r.expired_at = clock.now();
		});
	}

	// Lazily finishes records whose expiry passed (called per request and on clock advance).
	function sweep() {
		for (const r of st().records.values()) {
			if (r.finishedEmitted || !isExpired(r)) continue;
			const s = computeStatus(r);
			if (TERMINAL.includes(s)) {
				r.finishedEmitted = true;
				events.emit('record.finished', { record: r });
			}
		}
	}

	return {
		computeStatus,
		performUrl,
		mutate,
		completeRecord,
		completeOneStep,
		setCheckStatus,
		expire,
		sweep,
		isExpired,
		CHECK_STATUSES,
	};
}

module.exports = { createLifecycle, TERMINAL, CHECK_STATUSES };
