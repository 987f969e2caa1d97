'use strict';
// /ping and the IDV sessions API under the configurable prefix (nevis.md §1-§3).
const express = require('express');
const { bearerToken } = require('../../core/auth');
const { createRateLimiter } = require('../../core/rateLimit');
const { apiErrorHandler } = require('../../core/errors');

const fail = (res, status, code, message) => res.status(status).json({ code, message });

function createApi(ctx) {
	const { config, sessions } = ctx;
	function auth(req, res, next) {
		const token = bearerToken(req);
		if (!token || !config().accessKeys.includes(token))
			return fail(res, 401, 'unauthorized', 'Missing or invalid access key');
		next();
	}
	const limiter = createRateLimiter({
		clock: ctx.clock,
		getConfig: () => config().rateLimit,
		keyFn: (req) => `key:${req.headers.authorization || ''}`,
		onLimited: (req, res) => fail(res, 429, 'too_many_requests', 'Too many requests'),
	});

	const router = express.Router();
	router.get(
		'/ping',
		(req, res, next) => (config().pingRequiresKey ? auth(req, res, next) : next()),
		(req, res) => res.type('text/plain').send('PONG'),
	);

	const idv = express.Router();
	idv.use(auth, limiter.middleware, express.json());
	const findSession = (id, res) => {
		const s = sessions.find(id);
		if (!s || (sessions.expired(s) && config().expiredBehaviour === 'not_found')) {
			fail(res, 404, 'session_not_found', 'Identity verification session not found');
			return null;
		}
		return s;
	};
	idv.post('/', (req, res) => {
		if (req.body != null && (typeof req.body !== 'object' || Array.isArray(req.body)))
			return fail(res, 400, 'bad_request', 'The body must be a JSON object');
		const s = sessions.create(req.body ?? {});
		res.status(200).json({ sessionId: sessions.idOut(s), startUrl: sessions.startUrlOf(s) });
	});
	idv.get('/', (req, res) => {
		if (config().lookup !== 'query')
			return fail(res, 405, 'method_not_allowed', 'GET needs a session id in the path');
		const param = config().lookupQueryParam;
		const id = req.query[param];
		if (typeof id !== 'string' || !/^\d{9}$/.test(id))
			return fail(res, 400, 'bad_request', `${param} must be a nine-digit session id`);
		const s = findSession(id, res);
		if (s) res.json(sessions.view(s));
	});
	idv.get('/:sessionId', (req, res) => {
		if (config().lookup !== 'path') return fail(res, 404, 'not_found', 'No such route');
		if (!/^\d{9}$/.test(req.params.sessionId))
			return fail(res, 400, 'bad_request', 'A session id is nine digits');
		const s = findSession(req.params.sessionId, res);
		if (s) res.json(sessions.view(s));
	});
	idv.delete('/:sessionId', (req, res) => {
		if (!config().deleteSupported)
			return fail(res, 405, 'method_not_allowed', 'Sessions cannot be deleted through the API');
		const s = findSession(req.params.sessionId, res);
		if (!s) return;
		ctx.state().sessions.delete(s.id);
		res.status(204).end();
	});
	idv.use(apiErrorHandler({ provider: 'nevis', problem: ctx.problem, fail }));

	// The prefix is read per request so it can be changed at runtime.
	router.use((req, res, next) => {
		const prefix = config().idvPrefix.replace(/\/+$/, '');
		if (req.path !== prefix && !req.path.startsWith(`${prefix}/`)) return next();
		const original = req.url;
		req.url = req.url.slice(prefix.length) || '/';
		if (req.url.startsWith('?')) req.url = `/${req.url}`;
		idv(req, res, (err) => {
			req.url = original;
			next(err);
		});
	});
	return { router, limiter };
}

module.exports = { createApi, fail };
