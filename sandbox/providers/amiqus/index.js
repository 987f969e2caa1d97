'use strict';
const { jsonBody } = require('../../core/bodies');
// Amiqus ID emulator: REST /amiqus/api/v2, OAuth /amiqus/oauth, hosted page /amiqus/i/<token>.
const express = require('express');
const { defaultConfig, patchConfig } = require('./config');
const { createState } = require('./store');
const { createAuth } = require('./auth');
const { createOAuthRouter, expireAccessTokens } = require('./oauth');
const { createValidator, loadSpec, stepTypes } = require('./openapi');
const { preValidateRecord } = require('./steps');
const { errorHandler, notFound } = require('./errors');
const { createRateLimiter } = require('../../core/rateLimit');
const { createLifecycle, CHECK_STATUSES } = require('./lifecycle');
const { createEvents } = require('./events');
const { clientsRouter, createClient } = require('./clients');
const { recordsRouter, createRecord } = require('./records');
const { filesRouter, createClientFile, addPhotoIdFiles, createAttachment } = require('./files');
const { templatesRouter, createRecordTemplate } = require('./templates');
const { webhooksRouter } = require('./webhooks');
const { accountRouter, addCreditHistory } = require('./account');
const {
	formTemplatesRouter,
	addEmailTemplate,
	createFormTemplate,
	serializeForm,
} = require('./formTemplates');
const { hostedRouter } = require('./hosted');
// organisations, client organisations, assignees, cases, case status counts.
const { assigneesRouter, seedAssignee } = require('./assignees');
const {
	organisationsRouter,
	createOrganisation,
	serializeOrganisation,
} = require('./organisations');
const { casesRouter, createCase, serializeCase, addItems } = require('./cases');
const { controlRouter } = require('./control');
// client address, corrections and forms; attachment redaction; document library and step catalogue.
const { clientDataRouter, createCorrection, createForm } = require('./clientData');
const { attachmentsRouter } = require('./attachments');
const { libraryRouter, createLibraryDocument } = require('./library');
const ser = require('./serialize');

const API_PREFIX = '/api/v2';

function create(base) {
	let config = patchConfig(defaultConfig(), base.options);
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
	const auth = createAuth({ config: ctx.config, state: ctx.state, clock: base.clock });
	const limiter = createRateLimiter({
		clock: base.clock,
		getConfig: () => config.rateLimit,
		keyFn: () => `user:${state.user.id}`, // one limit per user per team (amiqus.md §8)
		onLimited: (req, res) => res.status(429).json({ message: 'Too Many Attempts.' }),
	});

	// --- REST API ---
	const api = express.Router();
	api.use(limiter.middleware);
	api.use((req, res, next) => {
		ctx.lifecycle.sweep();
		next();
	});
	api.use(jsonBody());
	// The validator fills schema defaults into req.body, including defaults from non-matching anyOf
	// branches of step preferences; keep the caller's body for those.
	api.use((req, res, next) => {
		req.originalBody =
			req.body && typeof req.body === 'object' ? structuredClone(req.body) : req.body;
		next();
	});
	api.use(auth.middleware);
	api.use(preValidateRecord(stepTypes(loadSpec('/'))));
	api.use(createValidator({ basePath: `/amiqus${API_PREFIX}`, getConfig: ctx.config }));
	api.get('/status', (req, res) => res.status(204).end());
	api.get('/me', (req, res) => res.json(state.user));
	api.get('/team', (req, res) => res.json(state.team));
	api.use(
		clientsRouter(ctx),
		recordsRouter(ctx),
		filesRouter(ctx),
		templatesRouter(ctx),
		webhooksRouter(ctx),
	);
	// organisations, client organisations, assignees of clients/organisations/records/cases, cases, aggregates.
	api.use(assigneesRouter(ctx), organisationsRouter(ctx), casesRouter(ctx));
	// client address, corrections and forms; attachment redaction; document library and step catalogue.
	api.use(clientDataRouter(ctx), attachmentsRouter(ctx), libraryRouter(ctx));
	// Account, team, credits, SDK token, form templates.
	api.use(accountRouter(ctx), formTemplatesRouter(ctx));
	// Documented operations the sandbox does not emulate: say so plainly (not validated as a response).
	api.use((req, res) =>
		res
			.status(501)
			.type('json')
			.send(JSON.stringify({ message: `Not emulated by the sandbox: ${req.method} ${req.path}` })),
	);
	api.use(errorHandler({ getConfig: ctx.config, problem: base.problem }));

	const router = express.Router();
	router.use(API_PREFIX, api);
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
	const seed = {
		client: (b = {}) =>
			ser.client(
				createClient(ctx, {
					name: { first_name: 'Martin', last_name: 'McFly', ...(b.name || {}) },
					email: 'marty@example.com',
					...b,
					name: { first_name: 'Martin', last_name: 'McFly', ...(b.name || {}) },
				}),
			),
		record: (b = {}) => {
			const client = b.client ?? seed.client().id;
			const body =
				b.template != null
					? { ...b, client }
					: {
							steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
							notification: false,
							...b,
							client,
						};
			return ctx.serializeRecord(createRecord(ctx, body));
		},
		recordTemplate: (b = {}) => ser.template(createRecordTemplate(ctx, b)),
		emailTemplate: (b = {}) => addEmailTemplate(ctx, b),
		formTemplate: (b = {}) =>
			serializeForm(
				createFormTemplate(ctx, {
					name: 'Sandbox form',
					fields: [
						{ id: '1', type: 'section', label: '', fields: ['2'] },
						{ id: '2', type: 'text', label: 'Job title' },
					],
					...b,
				}),
			),
		creditHistory: (b = {}) => addCreditHistory(ctx, b),
		clientFile: (clientId, b = {}) => {
			// b: { name, original, mime, content (string|Buffer), avStatus, fileType, source:{id,type}, sourceType, expiresAt }
			const f = createClientFile(ctx, Number(clientId), {
				...b,
				avStatus: b.avStatus || b.av_status || 'clean',
				content: b.content != null ? Buffer.from(b.content) : undefined,
			});
			return ser.clientFile(f, state);
		},
		// organisations, cases (with records as items), assignees (cases have no endpoint that assigns).
		organisation: (b = {}) =>
			serializeOrganisation(
				ctx,
				null,
				createOrganisation(ctx, { name: 'Probert Publishing', ...b }),
			),
		case: (b = {}) => {
			const client = b.client ?? seed.client().id;
			const c = createCase(ctx, { name: 'Onboarding', ...b, client, records: undefined });
			if (b.records?.length)
				addItems(
					ctx,
					c,
					b.records.map((id) => ({ id, type: 'record' })),
				);
			return serializeCase(ctx, c);
		},
		assignee: ({ parent = 'cases', parentId, teamMember } = {}) =>
			seedAssignee(ctx, parent, parentId, teamMember),
	};
	// { clientId, recordId, first_name, ... } | { clientId, recordId, type, name, value, attachments } | { name, enabled, attachment }
	Object.assign(seed, {
		// A correction is proposed while completing a record: it always has one.
		correction: (b = {}) =>
			createCorrection(ctx, {
				...b,
				recordId: b.recordId ?? seed.record({ client: b.clientId }).id,
			}).id,
		form: (b = {}) => {
			const f = createForm(ctx, b);
			return { id: f.id, reference: f.reference };
		},
		libraryDocument: (b = {}) => createLibraryDocument(ctx, b).id,
		attachment: (b = {}) =>
			ser.attachment(
				createAttachment(ctx, {
					...b,
					content: b.content != null ? Buffer.from(b.content) : undefined,
				}),
			),
	});
	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}/amiqus${API_PREFIX}`;
		},
		get oauthUrl() {
			return `${base.getUrl()}/amiqus/oauth`;
		},
		get config() {
			return config;
		},
		setConfig: (patch) => patchConfig(config, patch),
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
			config = patchConfig(defaultConfig(), base.options);
			state = createState();
			ctx.events.reset();
			limiter.reset();
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
