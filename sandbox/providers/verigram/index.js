'use strict';
// Verigram Flow API emulator (verigram.md): the API /verigram/flow..., /verigram/resources/... (api.js,
// auth.js), flows and their results (flows.js), the hosted page /verigram/hf2/{flow_id}/ (hosted.js).
const express = require('express');
const { defaultConfig } = require('./config');
const { initialConfig, withConfig } = require('../../core/config');
const { providerControlRouter, wrap } = require('../../core/control');
const { createErrors } = require('./errors');
const { createFlows } = require('./flows');
const { createAuth, sign } = require('./auth');
const { apiRouter } = require('./api');
const { hostedRouter } = require('./hosted');

const MOUNT = '/verigram';
const emptyState = () => ({
	flows: new Map(),
	files: new Map(),
	mocks: new Map(),
	uploads: new Map(),
});

function create(base) {
	let config = initialConfig(defaultConfig, base.options);
	let state = emptyState();
	const ctx = { ...base, config: () => config, state: () => state, mount: MOUNT };
	ctx.errors = createErrors(ctx.config);
	ctx.flows = createFlows(ctx);
	ctx.auth = createAuth(ctx);

	const router = express.Router();
	router.use(hostedRouter(ctx));
	router.use(apiRouter(ctx));

	const getFlow = (id) => {
		const f = ctx.flows.find(id);
		if (!f) throw new Error(`flow ${id} not found`);
		return f;
	};
	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}${MOUNT}`;
		},
		get state() {
			return state;
		},
		/** As the person on the hosted page: finish the flow with pass or fail. */
		finishFlow(id, outcome = 'pass', endCause = 'completed') {
			if (!['pass', 'fail'].includes(outcome)) throw new Error('outcome must be pass or fail');
			const f = getFlow(id);
			if (f.state === 'finished') throw new Error('flow already finished');
			return ctx.flows.resultOf(ctx.flows.finish(f, outcome, endCause));
		},
		startFlow(id) {
			const f = getFlow(id);
			if (f.state === 'created') f.state = 'in_progress';
			return ctx.flows.detailOf(f);
		},
		result: (id) => ctx.flows.resultOf(getFlow(id)),
		/** The signature the sandbox expects, for tests that send requests by hand. */
		sign,
	};
	withConfig(publicApi, () => config);
	const controlRouter = providerControlRouter(publicApi);
	controlRouter.post(
		'/flows/:id/finish',
		wrap((req, res) =>
			res.json(publicApi.finishFlow(req.params.id, req.body?.outcome, req.body?.end_cause)),
		),
	);

	return {
		router,
		controlRouter,
		api: publicApi,
		faultResponse: ctx.errors.faultResponse,
		onClockAdvance: () => ctx.flows.sweep(),
		reset() {
			config = initialConfig(defaultConfig, base.options);
			state = emptyState();
			ctx.auth.limiter.reset();
		},
	};
}

/** What `npm run sandbox` prints for Verigram: base URLs, test credentials, controls. */
function describe(sb) {
	const v = sb.verigram;
	const c = `${sb.url}/_control/verigram`;
	return `Verigram (credential: Host "Custom", Base URL below)
  Base URL        ${v.baseUrl}
  Test key        sandbox-verigram-test-key   (no secret; rate-limited)
  Production key  sandbox-verigram-prod-key / secret sandbox-verigram-prod-secret   (requests HMAC-signed)
  Hosted page     ${v.baseUrl}/hf2/<flow_id>/  (the vlink: Pass / Fail redirect to callback_url, as is unless callbackFlowIdParam is set)
  Controls
    POST   ${c}/flows/:id/finish   {"outcome":"pass"}   (pass | fail)
    GET|PATCH ${c}/config`;
}

module.exports = { name: 'verigram', apiPrefix: '', create, describe };
