'use strict';
// The REST API /amiqus/api/v2 (amiqus.md): auth, rate limit, the OpenAPI validator, then one router
// per API area; operations the sandbox does not emulate answer 501.
const express = require('express');
const { jsonBody } = require('../../core/bodies');
const { createRateLimiter } = require('../../core/rateLimit');
const { createAuth } = require('./auth');
const { createValidator, loadSpec, stepTypes } = require('./openapi');
const { preValidateRecord } = require('./steps');
const { errorHandler } = require('./errors');
const { clientsRouter } = require('./clients');
const { recordsRouter } = require('./records');
const { filesRouter } = require('./files');
const { templatesRouter } = require('./templates');
const { webhooksRouter } = require('./webhooks');
const { accountRouter } = require('./account');
const { formTemplatesRouter } = require('./formTemplates');
const { assigneesRouter } = require('./assignees');
const { organisationsRouter } = require('./organisations');
const { casesRouter } = require('./cases');
const { clientDataRouter } = require('./clientData');
const { attachmentsRouter } = require('./attachments');
const { libraryRouter } = require('./library');

const API_PREFIX = '/api/v2';

// Returns the router and its rate limiter (reset with the sandbox).
function createApi(ctx) {
	const auth = createAuth({ config: ctx.config, state: ctx.state, clock: ctx.clock });
	const limiter = createRateLimiter({
		clock: ctx.clock,
		getConfig: () => ctx.config().rateLimit,
		keyFn: () => `user:${ctx.state().user.id}`, // one limit per user per team (amiqus.md §8)
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
	api.get('/me', (req, res) => res.json(ctx.state().user));
	api.get('/team', (req, res) => res.json(ctx.state().team));
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
	api.use(errorHandler({ getConfig: ctx.config, problem: ctx.problem }));
	return { router: api, limiter };
}

module.exports = { createApi, API_PREFIX };
