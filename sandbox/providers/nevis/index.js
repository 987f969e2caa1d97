'use strict';
// Nevis Authentication Cloud identity-verification emulator (nevis.md). Mounted at /nevis, which
// stands for an instance base https://{instance}.mauth.nevis.cloud: /ping, the IDV sessions API
// under a configurable prefix, and the hosted web app /idv/welcome.html?tc={sessionId}.
const crypto = require('crypto');
const express = require('express');
const { defaultConfig, patchConfig } = require('./config');
const { createRateLimiter } = require('../../core/rateLimit');
const { hostedRouter } = require('./hosted');

const MOUNT = '/nevis';

function create(base) {
	let config = patchConfig(defaultConfig(), base.options);
	let sessions = new Map();
	const now = () => base.clock.nowMs();
	const iso = (ms) => new Date(ms).toISOString();
	const fail = (res, status, code, message) => res.status(status).json({ code, message });

	const expired = (s) =>
		!['verified', 'failed'].includes(s.status) &&
		now() - s.createdAt > config.sessionTtlSeconds * 1000;
	function newSessionId() {
		let id;
		do {
			id = String(crypto.randomInt(100000000, 1000000000));
		} while (sessions.has(id));
		return id;
	}
	const idOut = (s) => (config.sessionIdType === 'string' ? s.id : Number(s.id));
	const startUrlOf = (s) => `${base.getUrl()}${MOUNT}/idv/welcome.html?tc=${s.id}`;
	// While pending or in_progress only the current status; when finished also the result and data (nevis.md §1).
	function view(s) {
		const out = { sessionId: idOut(s), status: s.status };
		if (s.status === 'verified' || s.status === 'failed') {
			const fx = config.results[s.status] || {};
			Object.assign(
				out,
				JSON.parse(JSON.stringify(fx)),
				config.completedAtField ? { completedAt: iso(s.finishedAt) } : {},
			);
		}
		return out;
	}
	function finish(s, outcome) {
		s.status = outcome;
		s.finishedAt = now();
	}

	function auth(req, res, next) {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
		if (!m || !config.accessKeys.includes(m[1]))
			return fail(res, 401, 'unauthorized', 'Missing or invalid access key');
		next();
	}
	const limiter = createRateLimiter({
		clock: base.clock,
		getConfig: () => config.rateLimit,
		keyFn: (req) => `key:${req.headers.authorization || ''}`,
		onLimited: (req, res) => fail(res, 429, 'too_many_requests', 'Too many requests'),
	});

	const router = express.Router();
	router.get(
		'/ping',
		(req, res, next) => (config.pingRequiresKey ? auth(req, res, next) : next()),
		(req, res) => res.type('text/plain').send('PONG'),
	);

	// The IDV API under the configurable prefix.
	const idv = express.Router();
	idv.use(auth, limiter.middleware, express.json());
	const findSession = (id, res) => {
		const s = sessions.get(String(id));
		if (!s || (expired(s) && config.expiredBehaviour === 'not_found')) {
			fail(res, 404, 'session_not_found', 'Identity verification session not found');
			return null;
		}
		return s;
	};
	idv.post('/', (req, res) => {
		if (req.body != null && (typeof req.body !== 'object' || Array.isArray(req.body)))
			return fail(res, 400, 'bad_request', 'The body must be a JSON object');
		const s = { id: newSessionId(), status: 'pending', createdAt: now(), request: req.body ?? {} };
		sessions.set(s.id, s);
		res.status(200).json({ sessionId: idOut(s), startUrl: startUrlOf(s) });
	});
	idv.get('/', (req, res) => {
		if (config.lookup !== 'query')
			return fail(res, 405, 'method_not_allowed', 'GET needs a session id in the path');
		const id = req.query[config.lookupQueryParam];
		if (typeof id !== 'string' || !/^\d{9}$/.test(id))
			return fail(
				res,
				400,
				'bad_request',
				`${config.lookupQueryParam} must be a nine-digit session id`,
			);
		const s = findSession(id, res);
		if (s) res.json(view(s));
	});
	idv.get('/:sessionId', (req, res) => {
		if (config.lookup !== 'path') return fail(res, 404, 'not_found', 'No such route');
		if (!/^\d{9}$/.test(req.params.sessionId))
			return fail(res, 400, 'bad_request', 'A session id is nine digits');
		const s = findSession(req.params.sessionId, res);
		if (s) res.json(view(s));
	});
	idv.delete('/:sessionId', (req, res) => {
		if (!config.deleteSupported)
			return fail(res, 405, 'method_not_allowed', 'Sessions cannot be deleted through the API');
		const s = findSession(req.params.sessionId, res);
		if (!s) return;
		sessions.delete(s.id);
		res.status(204).end();
	});
	idv.use((err, req, res, next) => {
		if (res.headersSent) return next(err);
		if (err.type === 'entity.parse.failed')
			return fail(res, 400, 'bad_request', 'Malformed JSON body');
		base.problem({
			provider: 'nevis',
			kind: 'exception',
			method: req.method,
			path: req.originalUrl,
			message: err.message,
		});
		fail(res, 500, 'internal_error', err.message);
	});
	// The prefix is read per request so it can be changed at runtime.
	router.use((req, res, next) => {
		const prefix = config.idvPrefix.replace(/\/+$/, '');
		if (req.path !== prefix && !req.path.startsWith(`${prefix}/`)) return next();
		const original = req.url;
		req.url = req.url.slice(prefix.length) || '/';
		if (req.url.startsWith('?')) req.url = `/${req.url}`;
		idv(req, res, (err) => {
			req.url = original;
			next(err);
		});
	});

	// Hosted web app stand-in: consent, capture, then a browser redirect to the instance redirect URL.
	router.use(
		hostedRouter({ find: (id) => sessions.get(id), expired, finish, config: () => config }),
	);
	router.use((req, res) => fail(res, 404, 'not_found', `No route for ${req.method} ${req.path}`));

	const get = (id) => {
		const s = sessions.get(String(id));
		if (!s) throw new Error(`session ${id} not found`);
		return s;
	};
	const publicApi = {
		/** The instance base URL (what a credential's Base URL points at). */
		get baseUrl() {
			return `${base.getUrl()}${MOUNT}`;
		},
		get config() {
			return config;
		},
		setConfig: (patch) => patchConfig(config, patch),
		get sessions() {
			return sessions;
		},
		startSession(id) {
			const s = get(id);
			if (s.status === 'pending') s.status = 'in_progress';
			return view(s);
		},
		finishSession(id, outcome = 'verified') {
			if (!['verified', 'failed'].includes(outcome))
				throw new Error('outcome must be verified or failed');
			const s = get(id);
			finish(s, outcome);
			return view(s);
		},
		view: (id) => view(get(id)),
	};
	const controlRouter = express.Router();
	controlRouter.use(express.json());
	const wrap = (fn) => (req, res) => {
		try {
			fn(req, res);
		} catch (e) {
			res.status(400).json({ error: e.message });
		}
	};
	controlRouter.get('/config', (req, res) => res.json(config));
	controlRouter.patch(
		'/config',
		wrap((req, res) => res.json(publicApi.setConfig(req.body || {}))),
	);
	controlRouter.post(
		'/sessions/:id/finish',
		wrap((req, res) => res.json(publicApi.finishSession(req.params.id, req.body?.outcome))),
	);

	return {
		router,
		controlRouter,
		api: publicApi,
		faultResponse(res, f) {
			res.status(f.status).json({
				code: f.status === 429 ? 'too_many_requests' : 'error',
				message: `Injected fault ${f.status}`,
			});
		},
		reset() {
			config = patchConfig(defaultConfig(), base.options);
			sessions = new Map();
			limiter.reset();
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
