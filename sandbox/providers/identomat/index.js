'use strict';
// Identomat emulator (identomat.md §11): the API /identomat/external-api/<endpoint>/ (api.js), sessions
// (sessions.js), callbacks to the company's Callback URL (events.js), the widget stand-in
// /identomat/?session_token=... (hosted.js).
const express = require('express');
const { defaultConfig } = require('./config');
const { initialConfig, withConfig } = require('../../core/config');
const { providerControlRouter, wrap } = require('../../core/control');
const { createEvents } = require('./events');
const { createSessions } = require('./sessions');
const { apiRouter, hmac } = require('./api');
const { hostedRouter } = require('./hosted');

const API_PREFIX = '/external-api';

function create(base) {
	let config = initialConfig(defaultConfig, base.options);
	let state = { sessions: new Map() };
	const ctx = { ...base, config: () => config, state: () => state };
	ctx.events = createEvents(ctx);
	ctx.sessions = createSessions(ctx);

	const router = express.Router();
	router.use(API_PREFIX, apiRouter(ctx));
	router.use(hostedRouter(ctx));

	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}/identomat`;
		},
		get sessions() {
			return state.sessions;
		},
		session: (token) => state.sessions.get(token),
		completeSession(token, { outcome } = {}) {
			const s = state.sessions.get(token);
			if (!s) throw new Error(`session ${token} not found`);
			ctx.sessions.complete(s, outcome || 'approved');
			return { token, outcome: s.outcome, returnUrl: ctx.sessions.returnUrlFor(s) };
		},
		emitCallback: ctx.events.emitCallback,
		get deliveries() {
			return ctx.events.deliveries;
		},
		waitForDeliveries: ctx.events.waitForDeliveries,
		sign: (secret, body) => hmac(secret, body).toString('base64'),
	};
	withConfig(publicApi, () => config);

	const controlRouter = providerControlRouter(publicApi);
	controlRouter.post(
		'/sessions/:token/complete',
		wrap((req, res) => res.json(publicApi.completeSession(req.params.token, req.body || {}))),
	);
	controlRouter.post(
		'/callbacks',
		wrap((req, res) => {
			const b = req.body || {};
			ctx.events.emitCallback(b.type, b.sessionId, b.extra || {});
			res.status(202).json({ queued: true });
		}),
	);
	controlRouter.get('/deliveries', (req, res) => res.json(ctx.events.deliveries));

	return {
		router,
		controlRouter,
		api: publicApi,
		faultResponse(res, f) {
			res
				.status(f.status)
				.type('text/plain')
				.send(f.status === 429 ? 'Too Many Requests' : 'Internal Server Error');
		},
		reset() {
			config = initialConfig(defaultConfig, base.options);
			state = { sessions: new Map() };
			ctx.events.reset();
		},
	};
}

/** What `npm run sandbox` prints for Identomat: base URLs, test credentials, controls. */
function describe(sb) {
	const i = sb.identomat;
	const [plain, signed] = i.config.companies;
	const c = `${sb.url}/_control/identomat`;
	return `Identomat
  Base URL        ${i.baseUrl}   (API ${i.baseUrl}${API_PREFIX})
  Company key     ${plain.companyKey}   (no HMAC)
  HMAC company    ${signed.companyKey} / secret ${signed.secretKey}
  Callback key    ${i.config.callbacks.apiKey}
  Widget          ${i.baseUrl}/?session_token=<token>  (buttons finish the session, then redirect to return_url)
  Controls
    POST   ${c}/sessions/:token/complete   {"outcome":"approved"}   (approved | rejected | proofOfAddress | manualCheck | inProgress)
    PATCH  ${c}/config      {"callbacks":{"url":"<n8n production URL>","statusUpdates":true}}
    POST   ${c}/callbacks   {"type":"one-time-password-request","sessionId":"...","extra":{}}
    GET    ${c}/config    GET ${c}/deliveries`;
}

module.exports = { name: 'identomat', apiPrefix: API_PREFIX, create, describe };
