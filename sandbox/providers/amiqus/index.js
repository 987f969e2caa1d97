'use strict';
// Amiqus ID emulator: REST /amiqus/api/v2 (api.js, one file per API area), OAuth /amiqus/oauth
// (oauth.js), hosted page /amiqus/i/<token> (hosted.js), signed webhooks (events.js), fixtures (seed.js).
const express = require('express');
const { defaultConfig } = require('./config');
const { initialConfig, withConfig } = require('../../core/config');
const { createState } = require('./store');
const { createOAuthRouter, expireAccessTokens } = require('./oauth');
const { notFound } = require('./errors');
const { createLifecycle, CHECK_STATUSES } = require('./lifecycle');
const { createEvents } = require('./events');
const { addPhotoIdFiles } = require('./files');
const { createApi, API_PREFIX } = require('./api');
const { createSeed } = require('./seed');
const { hostedRouter } = require('./hosted');
const { controlRouter } = require('./control');
const ser = require('./serialize');

function create(base) {
	let config = initialConfig(defaultConfig, base.options);
	let state = createState();
	const ctx = {
		...base,
		config: () => config,
		state: () => state,
	};
	ctx.events = createEvents({
		state: ctx.state,
		config: ctx.config,
		clock: base.clock,
		deliverer: base.deliverer,
		getUrl: base.getUrl,
		problem: base.problem,
	});
	ctx.lifecycle = createLifecycle({ state: ctx.state, clock: base.clock, events: ctx.events });
	ctx.events.onPhotoIdDone = (check, record) => addPhotoIdFiles(ctx, check, record);
	ctx.serializeRecord = (r, expand = []) =>
		ser.record(r, state, expand, {
			status: ctx.lifecycle.computeStatus(r),
			performUrl: ctx.lifecycle.performUrl(r, base.getUrl()),
		});
	const api = createApi(ctx);

	const router = express.Router();
	router.use(API_PREFIX, api.router);
	router.use(
		'/oauth',
		createOAuthRouter({ config: ctx.config, state: ctx.state, clock: base.clock }),
	);
	router.use(hostedRouter(ctx));

	// --- programmatic API (sb.amiqus) ---
	const getRecord = (id) => {
		const r = state.records.get(id);
		if (!r)
			throw Object.assign(notFound('Record not found'), { message: `record ${id} not found` });
		return r;
	};
	const seed = createSeed(ctx);
	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}/amiqus${API_PREFIX}`;
		},
		get oauthUrl() {
			return `${base.getUrl()}/amiqus/oauth`;
		},
		get state() {
			return state;
		},
		seed,
		get deliveries() {
			return ctx.events.attempts;
		},
		waitForDeliveries: (n, timeoutMs) => ctx.events.waitForDeliveries(n, timeoutMs),
		completeRecord(id, { outcome } = {}) {
			if (outcome && !CHECK_STATUSES.includes(outcome))
				throw new Error(`outcome must be one of ${CHECK_STATUSES.join(', ')}`);
			const r = getRecord(id);
			ctx.lifecycle.completeRecord(r, outcome);
			return ctx.serializeRecord(r);
		},
		completeStep(recordId, stepId, { outcome } = {}) {
			const r = getRecord(recordId);
			const s = state.steps.get(stepId);
			if (!s || s.record !== r.id) throw new Error(`step ${stepId} not in record ${recordId}`);
			ctx.lifecycle.completeOneStep(r, s, outcome);
			return ctx.serializeRecord(r);
		},
		setCheckStatus(checkId, status) {
			const c = state.checks.get(checkId);
			if (!c) throw new Error(`check ${checkId} not found`);
			if (!CHECK_STATUSES.includes(status))
				throw new Error(`status must be one of ${CHECK_STATUSES.join(', ')}`);
			ctx.lifecycle.setCheckStatus(c, status);
			return ser.check(c, state);
		},
		expireRecord(id) {
			const r = getRecord(id);
			ctx.lifecycle.expire(r);
			return ctx.serializeRecord(r);
		},
		ping(webhookId) {
			const w = state.webhooks.get(webhookId);
			if (!w) throw new Error(`webhook ${webhookId} not found`);
			return ctx.events.ping(w);
		},
		emit: (alias, subject) => ctx.events.emit(alias, subject),
		expireAccessTokens: (token) => expireAccessTokens(ctx.state, base.clock, token),
		signature: (secret, rawBody) => ctx.events.sign(secret, rawBody),
	};
	withConfig(publicApi, () => config);

	return {
		router,
		controlRouter: controlRouter(ctx, publicApi),
		api: publicApi,
		// Shapes injected fault bodies like the live API.
		faultResponse(res, f) {
			const body =
				f.status === 429
					? { message: 'Too Many Attempts.' }
					: f.status === 401
						? { error: 'Unauthenticated.' }
						: { message: f.status === 503 ? 'Service Unavailable' : 'Server Error' };
			res.status(f.status).json(body);
		},
		onClockAdvance: () => ctx.lifecycle.sweep(),
		reset() {
			// Keep config defaults and any options passed at start; drop runtime changes.
			config = initialConfig(defaultConfig, base.options);
			state = createState();
			ctx.events.reset();
			api.limiter.reset();
		},
	};
}

/** What `npm run sandbox` prints for Amiqus: base URLs, test credentials, controls. */
function describe(sb) {
	const a = sb.amiqus;
	const c = `${sb.url}/_control/amiqus`;
	return `Amiqus
  Base URL        ${a.baseUrl}
  OAuth           ${a.oauthUrl}/authorize  ${a.oauthUrl}/token
  Personal token  ${a.config.personalTokens[0]}
  OAuth client    ${a.config.oauthClients[0].clientId} / ${a.config.oauthClients[0].clientSecret}
  Hosted page     ${sb.url}/amiqus/i/<token>  (record.perform_url)
  Controls
    GET|PATCH ${c}/config
    POST   ${c}/records/:id/complete                {"outcome":"accepted"}
    POST   ${c}/records/:id/steps/:stepId/complete
    POST   ${c}/records/:id/expire
    POST   ${c}/checks/:id/status                   {"status":"accepted"}
    POST   ${c}/webhooks/:id/ping
    GET    ${c}/deliveries
    POST   ${c}/oauth/expire                        {"access_token":"..."} (omit = all)
    POST   ${c}/seed/:kind   kind = client | record | recordTemplate | clientFile | emailTemplate | formTemplate | creditHistory`;
}

module.exports = { name: 'amiqus', apiPrefix: API_PREFIX, create, describe };
