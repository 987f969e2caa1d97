'use strict';
// Verigram flows (verigram.md §4-§5): created -> in_progress -> finished (pass | fail). A flow not
// finished within flowTtlSeconds ends with fail and expiredEndCause (swept on each request).
const crypto = require('crypto');
const { minimalPdf } = require('../../core/pdf');

function createFlows({ config, state, clock, getUrl, mount }) {
	const now = () => clock.nowMs();
	const iso = (ms) => new Date(ms).toISOString();
	const find = (id) => state().flows.get(id);

	function sweep() {
		for (const f of state().flows.values()) {
			if (f.state !== 'finished' && now() - f.createdAt > config().flowTtlSeconds * 1000) {
				finish(f, 'fail', config().expiredEndCause);
			}
		}
	}
	function create(b) {
		const flow = {
			id: crypto.randomUUID(),
			personId: b.person_id,
			callbackUrl: b.callback_url,
			locale: b.locale ?? 'en',
			inputData: b.input_data,
			template: b.template,
			state: 'created',
			createdAt: now(),
		};
		state().flows.set(flow.id, flow);
		return flow;
	}
	function finish(flow, outcome, endCause = 'completed') {
		flow.state = 'finished';
		flow.flowStatus = outcome;
		flow.endCause = endCause;
		flow.finishedAt = now();
		const mocked = state().mocks.get(flow.personId) || [];
		const fixtures = endCause === 'completed' ? config().serviceResults[outcome] || [] : [];
		// A mocked service result (POST /mockery/result) replaces the fixture of the same service.
		flow.services = [
			...fixtures.filter((s) => !mocked.some((m) => m.service_name === s.service_name)),
			...mocked,
		].map((s) => ({ ...s }));
		if (outcome === 'pass' && endCause === 'completed') {
			state().files.set(`${flow.id}:signed_doc`, {
				mime: 'application/pdf',
				name: `signed_doc_${flow.id}.pdf`,
				content: minimalPdf([`Signed document for ${flow.personId}`]),
			});
		}
		return flow;
	}
	const vlinkOf = (flow) =>
		config().vlinkBase
			? `${config().vlinkBase.replace(/\/+$/, '')}/hf2/${flow.id}/`
			: `${getUrl()}${mount}/hf2/${flow.id}/`;
	function resultOf(flow) {
		if (flow.state !== 'finished') {
			return {
				flow_status: config().unfinishedResult === 'in_progress' ? 'in_progress' : null,
				end_cause: null,
				services: [],
			};
		}
		const extra = config().resultExtraFields
			? { flow_id: flow.id, person_id: flow.personId, finished_at: iso(flow.finishedAt) }
			: {};
		return {
			...extra,
			flow_status: flow.flowStatus,
			end_cause: flow.endCause,
			services: flow.services,
		};
	}
	const detailOf = (flow) => ({
		flow_id: flow.id,
		person_id: flow.personId,
		locale: flow.locale,
		callback_url: flow.callbackUrl,
		vlink: vlinkOf(flow),
		status: flow.state,
		flow_status: flow.flowStatus ?? null,
		end_cause: flow.endCause ?? null,
		input_data: flow.inputData ?? null,
		template: flow.template ?? null,
		created_at: iso(flow.createdAt),
	});

	return { find, sweep, create, finish, vlinkOf, resultOf, detailOf };
}

module.exports = { createFlows };
