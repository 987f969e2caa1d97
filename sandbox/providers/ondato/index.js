'use strict';
// Ondato OS emulator (ondato.md): every Ondato host gets its own sub-base under /ondato so a
// credential's overridable base URLs point at them:
//   token server  /ondato/id/connect/token        (id.ondato.com)
//   IDV API       /ondato/idvapi/v1/...            (idvapi.ondato.com)
//   Face auth API /ondato/faceauth/v1/...          (host UNCONFIRMED; also on the IDV API with faceAuthOnIdvHost)
//   KYC API       /ondato/kycid/v1/...             (kycid.ondato.com)
//   hosted flow   /ondato/idv/?id={idvId}          (idv.ondato.com)
const express = require('express');
const { uuid } = require('../../core/ids');
const { defaultConfig } = require('./config');
const { initialConfig, withConfig } = require('../../core/config');
const { createState } = require('./state');
const { createModel } = require('./model');
const { createEvents } = require('./events');
const { tokenRouter } = require('./token');
const { idvRouter, kycRouter, faceAuthRouter } = require('./api');
const { problem } = require('./errors');
const { hostedRouter } = require('./hosted');
const { controlRouter } = require('./control');

function create(base) {
	let config = initialConfig(defaultConfig, base.options);
	let state = createState(config, base.clock);
	const ctx = { ...base, config: () => config, state: () => state };
	ctx.events = createEvents({
		state: ctx.state,
		config: ctx.config,
		clock: base.clock,
		deliverer: base.deliverer,
		problem: base.problem,
	});
	ctx.model = createModel({
		state: ctx.state,
		config: ctx.config,
		clock: base.clock,
		events: ctx.events,
	});

	const router = express.Router();
	router.use('/id', tokenRouter(ctx));
	router.use('/idvapi', idvRouter(ctx));
	router.use('/kycid', kycRouter(ctx));
	router.use('/faceauth', faceAuthRouter(ctx));
	router.use('/idv', hostedRouter(ctx));

	const idv = (id) => {
		const found = state.idvs.get(String(id).toLowerCase());
		if (!found)
			throw Object.assign(new Error(`identity verification ${id} not found`), { status: 404 });
		return found;
	};
	const snapshot = (v) => JSON.parse(JSON.stringify(v));
	const root = () => `${base.getUrl()}/ondato`;
	const api = {
		get tokenUrl() {
			return `${root()}/id/connect/token`;
		},
		get idvApiUrl() {
			return `${root()}/idvapi`;
		},
		get kycApiUrl() {
			return `${root()}/kycid`;
		},
		get faceAuthApiUrl() {
			return `${root()}/faceauth`;
		},
		get hostedUrl() {
			return `${root()}/idv`;
		},
		// Credential fields for tests and the demo.
		get credentials() {
			const c = config.clients[0];
			return {
				environment: 'sandbox',
				clientId: c.clientId,
				clientSecret: c.clientSecret,
				tokenUrl: api.tokenUrl,
				idvApiUrl: api.idvApiUrl,
				kycApiUrl: api.kycApiUrl,
				faceAuthApiUrl: api.faceAuthApiUrl,
				hostedFlowUrl: api.hostedUrl,
			};
		},
		get state() {
			return state;
		},
		get tokenRequests() {
			return state.tokenRequests;
		},
		get tokensIssued() {
			return state.tokensIssued;
		},
		expireTokens() {
			let n = 0;
			for (const t of state.tokens.values()) {
				t.expiresAt = base.clock.nowMs() - 1;
				n++;
			}
			return n;
		},
		registerWebhook: (spec) => ctx.events.subscribe(spec),
		unregisterWebhook(id) {
			if (!state.subscriptions.delete(id))
				throw Object.assign(new Error(`subscription ${id} not found`), { status: 404 });
		},
		subscriptions: () => [...state.subscriptions.values()].map(ctx.events.publicSub),
		get deliveries() {
			return ctx.events.attempts;
		},
		get webhookTokenRequests() {
			return ctx.events.tokenRequests;
		},
		waitForDeliveries: (n, timeoutMs) => ctx.events.waitForDeliveries(n, timeoutMs),
		signature: (secret, t, rawBody) => ctx.events.sign(secret, t, rawBody),
		hostedLink: (id) => `${api.hostedUrl}/?id=${id}`,
		consent: (id) => snapshot(ctx.model.consent(idv(id))),
		process: (id) => snapshot(ctx.model.processKyc(idv(id))),
		approve: (id) => snapshot(ctx.model.decide(idv(id), 'approved')),
		reject: (id, reason) => snapshot(ctx.model.decide(idv(id), 'rejected', reason)),
		complete: (id, { outcome = 'approved', reason } = {}) => {
			if (!['approved', 'rejected'].includes(outcome))
				throw Object.assign(new Error('outcome must be approved or rejected'), { status: 400 });
			return snapshot(ctx.model.complete(idv(id), outcome, reason));
		},
		expire: (id) => snapshot(ctx.model.expire(idv(id))),
		abort: (id) => snapshot(ctx.model.abort(idv(id))),
		updateKyc: (id, patch) => snapshot(ctx.model.updateKyc(idv(id), patch)),
		kycOf: (id) => snapshot(ctx.model.kycOf(idv(id)) ?? null),
		seed: {
			setup(b = {}) {
				const s = {
					...snapshot([...state.setups.values()][0]),
					id: uuid(),
					versionId: uuid(),
					name: 'Seeded setup',
					isDisabled: false,
					...b,
				};
				state.setups.set(s.id, s);
				return s;
			},
			// An IDV created directly (no API call), e.g. for fixtures over HTTP.
			identityVerification(b = {}) {
				const setup = state.setups.get(b.setupId || [...state.setups.keys()][0]);
				if (!setup) throw Object.assign(new Error('setup not found'), { status: 404 });
				const created = ctx.model.createIdv(b, setup);
				if (b.outcome) ctx.model.complete(created, b.outcome);
				return snapshot(created);
			},
		},
	};
	withConfig(api, () => config);

	return {
		router,
		controlRouter: controlRouter(api),
		api,
		faultResponse(res, f) {
			if (f.status === 401)
				return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
			return problem(
				() => config,
				res,
				f.status,
				f.status === 429
					? 'Too Many Requests'
					: f.status === 503
						? 'Service Unavailable'
						: 'An error occurred while processing your request.',
			);
		},
		reset() {
			config = initialConfig(defaultConfig, base.options);
			state = createState(config, base.clock);
			ctx.events.reset();
		},
	};
}

/** What `npm run sandbox` prints for Ondato: base URLs, test credentials, controls. */
function describe(sb) {
	const o = sb.ondato;
	const cr = o.credentials;
	const c = `${sb.url}/_control/ondato`;
	return `Ondato (credential: Environment "Sandbox", then the URL overrides below)
  Token URL       ${cr.tokenUrl}
  IDV API         ${cr.idvApiUrl}
  KYC API         ${cr.kycApiUrl}
  Face auth API   ${cr.faceAuthApiUrl}
  Hosted flow     ${cr.hostedFlowUrl}/?id=<identityVerificationId>
  Client          ${cr.clientId} / ${cr.clientSecret}
  Setups          ${[...o.state.setups.values()].map((s) => `${s.id} (${s.name})`).join(', ')}
  Controls (webhooks are registered out of band, here)
    POST   ${c}/webhooks     {"url":"<n8n production URL>","basic":{"username":"u","password":"p"},"events":["*"]}  (or "oauth2":{"clientId","clientSecret","tokenUrl"})
    GET    ${c}/webhooks    DELETE ${c}/webhooks/:id    GET ${c}/deliveries
    POST   ${c}/identity-verifications/:id/{consent|process|approve|reject|complete|expire|abort|update}   complete: {"outcome":"approved"}
    GET|PATCH ${c}/config    POST ${c}/tokens/expire    POST ${c}/seed/{setup|identity-verification}`;
}

module.exports = { name: 'ondato', apiPrefix: '', create, describe };
