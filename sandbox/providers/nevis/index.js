'use strict';
// Nevis Authentication Cloud identity-verification emulator (nevis.md). Mounted at /nevis, which
// stands for an instance base https://{instance}.mauth.nevis.cloud: /ping, the IDV sessions API
// under a configurable prefix (api.js), and the hosted web app /idv/welcome.html?tc={sessionId} (hosted.js).
const express = require('express');
const { defaultConfig } = require('./config');
const { initialConfig, withConfig } = require('../../core/config');
const { providerControlRouter, wrap } = require('../../core/control');
const { createSessions } = require('./sessions');
const { createApi, fail } = require('./api');
const { hostedRouter } = require('./hosted');

const MOUNT = '/nevis';

function create(base) {
	let config = initialConfig(defaultConfig, base.options);
	let state = { sessions: new Map() };
	const ctx = { ...base, config: () => config, state: () => state };
	ctx.sessions = createSessions({ ...ctx, mount: MOUNT });
	const api = createApi(ctx);

	const router = express.Router();
	router.use(api.router);
	router.use(hostedRouter(ctx));
	router.use((req, res) => fail(res, 404, 'not_found', `No route for ${req.method} ${req.path}`));

	const get = (id) => {
		const s = ctx.sessions.find(id);
		if (!s) throw new Error(`session ${id} not found`);
		return s;
	};
	const publicApi = {
		/** The instance base URL (what a credential's Base URL points at). */
		get baseUrl() {
			return `${base.getUrl()}${MOUNT}`;
		},
		get sessions() {
			return state.sessions;
		},
		startSession(id) {
			const s = get(id);
			if (s.status === 'pending') s.status = 'in_progress';
			return ctx.sessions.view(s);
		},
		finishSession(id, outcome = 'verified') {
			if (!ctx.sessions.FINISHED.includes(outcome))
				throw new Error('outcome must be verified or failed');
			const s = get(id);
			ctx.sessions.finish(s, outcome);
			return ctx.sessions.view(s);
		},
		view: (id) => ctx.sessions.view(get(id)),
	};
	withConfig(publicApi, () => config);
	const controlRouter = providerControlRouter(publicApi);
	controlRouter.post(
		'/sessions/:id/finish',
		wrap((req, res) => res.json(publicApi.finishSession(req.params.id, req.body?.outcome))),
	);

	return {
		router,
		controlRouter,
		api: publicApi,
		faultResponse: (res, f) =>
			fail(
				res,
				f.status,
				f.status === 429 ? 'too_many_requests' : 'error',
				`Injected fault ${f.status}`,
			),
		reset() {
			config = initialConfig(defaultConfig, base.options);
			state = { sessions: new Map() };
			api.limiter.reset();
		},
	};
}

/** What `npm run sandbox` prints for Nevis: base URLs, test credentials, controls. */
function describe(sb) {
	const n = sb.nevis;
	const c = `${sb.url}/_control/nevis`;
	return `Nevis (credential: Base URL below, which stands for https://<instance>.mauth.nevis.cloud)
  Base URL        ${n.baseUrl}
  Access key      sandbox-nevis-access-key   (Bearer)
  Hosted app      ${n.baseUrl}/idv/welcome.html?tc=<sessionId>  (startUrl: Verify / Fail redirect to the instance redirect URL, with no session id unless redirectSessionParam is set)
  Redirect URL    ${n.config.redirectUrl || '(none: set it with PATCH config)'}
  Controls
    PATCH  ${c}/config   {"redirectUrl":"<n8n production URL>"}
    POST   ${c}/sessions/:id/finish   {"outcome":"verified"}   (verified | failed)
    GET    ${c}/config`;
}

module.exports = { name: 'nevis', apiPrefix: '', create, describe };
