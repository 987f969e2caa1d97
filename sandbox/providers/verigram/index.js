'use strict';
// Verigram Flow API emulator (verigram.md): /verigram/flow..., /verigram/resources/..., hosted page /verigram/hf2/{flow_id}/.
// Auth: test keys (key only, rate-limited) or production keys whose every request carries
// X-Verigram-Ts + X-Verigram-Hmac-SHA256 = hex(HMAC-SHA256(secret, ts + path-with-query)), checked here independently.
const crypto = require('crypto');
const express = require('express');
const { defaultConfig, patchConfig } = require('./config');
const { createRateLimiter } = require('../../core/rateLimit');
const { minimalPdf } = require('../../core/pdf');
const { hostedRouter } = require('./hosted');

const MOUNT = '/verigram';

function create(base) {
	let config = patchConfig(defaultConfig(), base.options);
	let state = { flows: new Map(), files: new Map(), mocks: new Map(), uploads: new Map() };
	const now = () => base.clock.nowMs();
	const iso = (ms) => new Date(ms).toISOString();

	const errorBody = (code, message) =>
		config.errorShape === 'detail' ? { detail: message } : { error_code: code, message };
	const fail = (res, status, code, message) => res.status(status).json(errorBody(code, message));

	// --- flow state machine: created -> in_progress -> finished (pass | fail) ---
	function sweep() {
		for (const f of state.flows.values()) {
			if (f.state !== 'finished' && now() - f.createdAt > config.flowTtlSeconds * 1000) {
				finish(f, 'fail', config.expiredEndCause);
			}
		}
	}
	function finish(flow, outcome, endCause = 'completed') {
		flow.state = 'finished';
		flow.flowStatus = outcome;
		flow.endCause = endCause;
		flow.finishedAt = now();
		const mocked = state.mocks.get(flow.personId) || [];
		const fixtures = endCause === 'completed' ? config.serviceResults[outcome] || [] : [];
		// A mocked service result (POST /mockery/result) replaces the fixture of the same service.
		flow.services = [
			...fixtures.filter((s) => !mocked.some((m) => m.service_name === s.service_name)),
			...mocked,
		].map((s) => ({ ...s }));
		if (outcome === 'pass' && endCause === 'completed') {
			state.files.set(`${flow.id}:signed_doc`, {
				mime: 'application/pdf',
				name: `signed_doc_${flow.id}.pdf`,
				content: minimalPdf([`Signed document for ${flow.personId}`]),
			});
		}
		return flow;
	}
	const vlinkOf = (flow) =>
		config.vlinkBase
			? `${config.vlinkBase.replace(/\/+$/, '')}/hf2/${flow.id}/`
			: `${base.getUrl()}${MOUNT}/hf2/${flow.id}/`;
	const resultOf = (flow) => {
		if (flow.state !== 'finished') {
			return {
				flow_status: config.unfinishedResult === 'in_progress' ? 'in_progress' : null,
				end_cause: null,
				services: [],
			};
		}
		const extra = config.resultExtraFields
			? { flow_id: flow.id, person_id: flow.personId, finished_at: iso(flow.finishedAt) }
			: {};
		return {
			...extra,
			flow_status: flow.flowStatus,
			end_cause: flow.endCause,
			services: flow.services,
		};
	};
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

	// --- auth ---
	const header = (req, name) => {
		const v = req.headers[name.toLowerCase()];
		return Array.isArray(v) ? v[0] : v;
	};
	function authenticate(req, res, next) {
		const key = header(req, 'X-Verigram-Api-Key');
		const entry = req.sandboxLogEntry;
		const accessToken = req.path === '/resources/access-token';
		const versions = accessToken ? config.accessTokenVersions : config.apiVersions;
		const version = header(req, 'X-Verigram-Api-Version');
		if (!key)
			return fail(res, config.badKeyStatus, 'unauthorized', 'X-Verigram-Api-Key header is missing');
		const production = config.productionKeys.find((k) => k.key === key);
		const test = config.testKeys.includes(key);
		if (!production && !test)
			return fail(res, config.badKeyStatus, 'unauthorized', 'Invalid API key');
		if (!version || !versions.includes(version)) {
			return fail(
				res,
				400,
				'unsupported_api_version',
				`X-Verigram-Api-Version must be one of ${versions.join(', ')}`,
			);
		}
		if (production) {
			const ts = header(req, 'X-Verigram-Ts');
			const sig = header(req, 'X-Verigram-Hmac-SHA256');
			// The signed path is the provider-relative path with its query string, as the client sent it.
			const path = req.originalUrl.startsWith(MOUNT)
				? req.originalUrl.slice(MOUNT.length) || '/'
				: req.originalUrl;
			const check = verifySignature(production.secret, ts, sig, path);
			if (entry)
				entry.verigramAuth = {
					mode: 'production',
					signedPath: path,
					signature: check.ok ? 'valid' : check.reason,
				};
			if (!check.ok) return fail(res, config.badSignatureStatus, 'invalid_signature', check.reason);
		} else {
			if (accessToken && !config.accessTokenForTestKeys)
				return fail(res, 403, 'forbidden', 'Test keys cannot request access tokens');
			if (entry) entry.verigramAuth = { mode: 'test' };
		}
		req.verigramKey = { key, mode: production ? 'production' : 'test' };
		next();
	}
	function verifySignature(secret, ts, sig, path) {
		if (!ts || !sig)
			return {
				ok: false,
				reason: 'X-Verigram-Ts and X-Verigram-Hmac-SHA256 are required for production keys',
			};
		if (!/^\d+$/.test(ts))
			return { ok: false, reason: 'X-Verigram-Ts must be unix time in seconds' };
		if (Math.abs(now() / 1000 - Number(ts)) > config.signatureToleranceSeconds)
			return { ok: false, reason: 'X-Verigram-Ts is outside the allowed window' };
		const expected = crypto
			.createHmac('sha256', Buffer.from(secret, 'utf8'))
			.update(`${ts}${path}`, 'utf8')
			.digest('hex');
		// Lowercase hex exactly, as the public integrations send it.
		const a = Buffer.from(expected, 'utf8');
		const b = Buffer.from(String(sig), 'utf8');
		if (a.length !== b.length || !crypto.timingSafeEqual(a, b))
			return { ok: false, reason: 'Signature does not match' };
		return { ok: true };
	}

	const limiter = createRateLimiter({
		clock: base.clock,
		// Only test keys are rate-limited (verigram.md §3.1, §7).
		getConfig: () => config.testKeyRateLimit,
		keyFn: (req) => `key:${header(req, 'X-Verigram-Api-Key')}`,
		onLimited: (req, res) =>
			fail(res, 429, 'too_many_requests', 'Rate limit exceeded for the test API key'),
	});
	const limitTestKeys = (req, res, next) =>
		req.verigramKey?.mode === 'test' ? limiter.middleware(req, res, next) : next();

	// --- REST API ---
	const api = express.Router();
	api.use((req, res, next) => {
		sweep();
		next();
	});
	api.use(authenticate);
	api.use(limitTestKeys);
	api.use((req, res, next) =>
		req.is('multipart/form-data') ? next() : express.json({ limit: '5mb' })(req, res, next),
	);

	api.post('/flow', (req, res) => {
		const b = req.body;
		if (!b || typeof b !== 'object' || Array.isArray(b))
			return fail(res, 422, 'validation_error', 'The body must be a JSON object');
		const missing = ['callback_url', 'person_id'].filter(
			(k) => typeof b[k] !== 'string' || !b[k].trim(),
		);
		if (missing.length)
			return fail(res, 422, 'validation_error', `Required: ${missing.join(', ')}`);
		if (!/^https?:\/\/\S+$/i.test(b.callback_url))
			return fail(res, 422, 'validation_error', 'callback_url must be an http(s) URL');
		if (b.locale != null && typeof b.locale !== 'string')
			return fail(res, 422, 'validation_error', 'locale must be a string');
		if (b.input_data != null && (typeof b.input_data !== 'object' || Array.isArray(b.input_data)))
			return fail(res, 422, 'validation_error', 'input_data must be an object');
		if (b.template != null) {
			if (typeof b.template !== 'object' || Array.isArray(b.template))
				return fail(res, 422, 'validation_error', 'template must be an object');
			const p = b.template.pipeline;
			if (
				p != null &&
				(!Array.isArray(p) || p.some((s) => !s || typeof s.service_name !== 'string'))
			) {
				return fail(
					res,
					422,
					'validation_error',
					'template.pipeline must be an array of objects with service_name',
				);
			}
		}
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
		state.flows.set(flow.id, flow);
		res.status(201).json({ flow_id: flow.id, vlink: vlinkOf(flow) });
	});
	const findFlow = (req, res) => {
		const flow = state.flows.get(req.params.flowId);
		if (!flow) {
			fail(res, 404, 'not_found', 'Flow not found');
			return null;
		}
		return flow;
	};
	api.get('/flow/:flowId', (req, res) => {
		const f = findFlow(req, res);
		if (f) res.json(detailOf(f));
	});
	api.get('/flow/:flowId/result', (req, res) => {
		const f = findFlow(req, res);
		if (f) res.json(resultOf(f));
	});

	api.get('/resources/file', (req, res) => {
		const { label, flow_id: flowId } = req.query;
		if (typeof label !== 'string' || !label || typeof flowId !== 'string' || !flowId)
			return fail(res, 422, 'validation_error', 'label and flow_id are required');
		if (!state.flows.has(flowId)) return fail(res, 404, 'not_found', 'Flow not found');
		const file = state.files.get(`${flowId}:${label}`);
		if (!file) return fail(res, 404, 'file_not_found', `No file with label ${label} for this flow`);
		res
			.set('Content-Type', file.mime)
			.set('Content-Disposition', `attachment; filename="${file.name}"`)
			.send(file.content);
	});
	api.post(
		'/resources/storage',
		express.raw({ type: 'multipart/form-data', limit: '20mb' }),
		(req, res) => {
			const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] || '');
			const raw = Buffer.isBuffer(req.body) ? req.body.toString('latin1') : '';
			if (!m || !raw.includes(`--${m[1] || m[2]}`))
				return fail(res, 422, 'validation_error', 'A multipart/form-data body is required');
			if (!/name="upload_file"/.test(raw))
				return fail(res, 422, 'validation_error', 'upload_file is required');
			const id = crypto.randomUUID();
			state.uploads.set(id, { at: now() });
			res.status(201).json({ session_id: id });
		},
	);
	api.post('/mockery/result', (req, res) => {
		const b = req.body || {};
		if (typeof b.person_id !== 'string' || typeof b.service_name !== 'string')
			return fail(res, 422, 'validation_error', 'person_id and service_name are required');
		const list = state.mocks.get(b.person_id) || [];
		list.push({ ...b, person_id: undefined });
		state.mocks.set(
			b.person_id,
			list.map((x) => JSON.parse(JSON.stringify(x))),
		);
		res.status(201).json({ ok: true });
	});
	api.get('/resources/access-token', (req, res) => {
		if (typeof req.query.person_id !== 'string' || !req.query.person_id)
			return fail(res, 422, 'validation_error', 'person_id is required');
		res.json({
			access_token: crypto.randomBytes(16).toString('hex'),
			person_id: req.query.person_id,
		});
	});
	api.use((req, res) => fail(res, 404, 'not_found', `No route for ${req.method} ${req.path}`));
	api.use((err, req, res, next) => {
		if (res.headersSent) return next(err);
		if (err.type === 'entity.parse.failed')
			return fail(res, 400, 'bad_request', 'Malformed JSON body');
		base.problem({
			provider: 'verigram',
			kind: 'exception',
			method: req.method,
			path: req.originalUrl,
			message: err.message,
		});
		fail(res, 500, 'internal_error', err.message);
	});

	const router = express.Router();
	router.use(
		hostedRouter({ find: (id) => state.flows.get(id), finish, sweep, config: () => config }),
	);
	router.use(api);

	const getFlow = (id) => {
		const f = state.flows.get(id);
		if (!f) throw new Error(`flow ${id} not found`);
		return f;
	};
	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}${MOUNT}`;
		},
		get config() {
			return config;
		},
		setConfig: (patch) => patchConfig(config, patch),
		get state() {
			return state;
		},
		/** As the person on the hosted page: finish the flow with pass or fail. */
		finishFlow(id, outcome = 'pass', endCause = 'completed') {
			if (!['pass', 'fail'].includes(outcome)) throw new Error('outcome must be pass or fail');
			const f = getFlow(id);
			if (f.state === 'finished') throw new Error('flow already finished');
			return resultOf(finish(f, outcome, endCause));
		},
		startFlow(id) {
			const f = getFlow(id);
			if (f.state === 'created') f.state = 'in_progress';
			return detailOf(f);
		},
		result: (id) => resultOf(getFlow(id)),
		/** The signature the sandbox expects, for tests that send requests by hand. */
		sign: (secret, ts, path) =>
			crypto.createHmac('sha256', secret).update(`${ts}${path}`).digest('hex'),
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
		'/flows/:id/finish',
		wrap((req, res) =>
			res.json(publicApi.finishFlow(req.params.id, req.body?.outcome, req.body?.end_cause)),
		),
	);

	return {
		router,
		controlRouter,
		api: publicApi,
		faultResponse(res, f) {
			const code =
				f.status === 429
					? 'too_many_requests'
					: f.status === 401
						? 'unauthorized'
						: f.status >= 500
							? 'internal_error'
							: 'error';
			res.status(f.status).json(errorBody(code, `Injected fault ${f.status}`));
		},
		onClockAdvance: () => sweep(),
		reset() {
			config = patchConfig(defaultConfig(), base.options);
			state = { flows: new Map(), files: new Map(), mocks: new Map(), uploads: new Map() };
			limiter.reset();
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
