'use strict';
// Identomat emulator: API /identomat/external-api/<endpoint>/ (POST, trailing slash), widget stand-in
// /identomat/?session_token=..., callbacks to the company's Callback URL. See identomat.md §11.
const crypto = require('crypto');
const express = require('express');
const { defaultConfig, patchConfig } = require('./config');
const { parseParams } = require('./parse');
const { validateBegin } = require('./validate');
const fixtures = require('./fixtures');
const { hostedRouter, OUTCOMES } = require('./hosted');

const API_PREFIX = '/external-api';
const MEDIA = {
	'card-front': 'image/jpeg',
	'card-back': 'image/jpeg',
	passport: 'image/jpeg',
	face: 'image/jpeg',
	'face-video': 'video/webm',
};

const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();

function newToken() {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(40);
	let out = '';
	for (let i = 0; i < 40; i++) out += alphabet[bytes[i] % alphabet.length];
	return out;
}

function create(base) {
	let config = patchConfig(defaultConfig(), base.options);
	let sessions = new Map();
	let deliveries = [];
	let waiters = [];
	const clock = base.clock;

	const company = (key) => config.companies.find((c) => c.companyKey === key);

	// ---- responses: bare JSON values; successful ones signed for HMAC companies
	function ok(res, req, value, { raw, contentType } = {}) {
		let body = raw ?? Buffer.from(JSON.stringify(value), 'utf8');
		res.status(200).type(contentType || 'application/json');
		const secret = req.identomatCompany?.secretKey;
		if (secret) {
			res.set('Authorization', `signature="${hmac(secret, body).toString('base64')}"`);
			if (config.tamperResponses) {
				// A man in the middle: the signature stays, the body changes.
				const text = body.toString('latin1');
				if (text.includes('"approved"'))
					body = Buffer.from(text.replace('"approved"', '"rejected"'), 'latin1');
				else {
					body = Buffer.from(body);
					body[Math.floor(body.length / 2)] ^= 0x01;
				}
			}
		}
		res.send(body);
	}
	// Unsuccessful responses carry no signature (HMAC page).
	const fail = (res, status, code) =>
		res.status(status).type('application/json').send(JSON.stringify(code));

	function requestSignatureValid(req, raw, parts, secret) {
		const m = /^\s*signature="([^"]*)"\s*$/.exec(String(req.headers.authorization || ''));
		if (!m) return false;
		let expected;
		if (parts && config.multipartHmac === 'parts') {
			let key = secret;
			for (const p of [...parts.filter((x) => !x.file), ...parts.filter((x) => x.file)])
				key = hmac(key, p.value);
			expected = Buffer.from(key);
		} else expected = hmac(secret, raw);
		const got = Buffer.from(m[1], 'base64');
		return got.length === expected.length && crypto.timingSafeEqual(got, expected);
	}

	function expired(s) {
		if (config.expiry === 'never' || s.status === 'completed') return false;
		if (config.expiry === 'unopened' && s.openedAt) return false;
		return clock.nowMs() - s.createdAt > config.tokenTtlMinutes * 60_000;
	}

	// ---- API router: strict routing, so the trailing slash is required as documented
	const api = express.Router({ strict: true });
	api.use(express.raw({ type: () => true, limit: '20mb' }));
	api.use((req, res, next) => {
		if (req.method !== 'POST') return res.status(405).type('text/plain').send('Method Not Allowed');
		const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		let parsed;
		try {
			parsed = parseParams(req, raw);
		} catch (e) {
			req.body = { _raw: raw.toString('utf8').slice(0, 200) };
			return fail(res, config.errorStatus, config.errorCodes.argumentError);
		}
		req.body = parsed.params; // what the request log shows
		req.identomatEncoding = parsed.encoding;
		const c = company(parsed.params.company_key);
		if (!c) return fail(res, config.invalidKeyStatus, 'COMPANY_KEY_INVALID');
		if (c.secretKey && !requestSignatureValid(req, raw, parsed.parts, c.secretKey))
			return fail(res, config.signatureStatus, config.errorCodes.signatureInvalid);
		req.identomatCompany = c;
		next();
	});

	api.post('/begin/', (req, res) => {
		const p = req.body;
		const problem = validateBegin(p, config);
		if (problem === 'config_id')
			return fail(res, config.errorStatus, config.errorCodes.configNotFound);
		if (problem) {
			req.sandboxLogEntry && (req.sandboxLogEntry.problem = problem);
			return fail(res, config.errorStatus, config.errorCodes.argumentError);
		}
		let parent = null;
		if (p.parent_session_id !== undefined) {
			parent = sessions.get(p.parent_session_id);
			if (!parent || parent.companyKey !== req.identomatCompany.companyKey)
				return fail(res, config.errorStatus, config.errorCodes.sessionNotFound);
		}
		let steps = p.steps || [];
		let flags = p.flags || {};
		if (p.config_id) {
			// The configuration is used; steps given here replace the configuration's steps with the same key.
			const saved = config.configurations[p.config_id];
			const overrides = new Map(steps.map((s) => [s.key, s]));
			steps = saved.steps.map((s) => overrides.get(s.key) || s);
			flags = { ...saved.flags, ...flags };
		}
		const token = newToken();
		sessions.set(token, {
			token,
			companyKey: req.identomatCompany.companyKey,
			flags,
			steps,
			configId: p.config_id || null,
			parent: parent ? parent.token : null,
			children: [],
			createdAt: clock.nowMs(),
			openedAt: null,
			status: 'created',
			outcome: null,
			deleted: false,
			encoding: req.identomatEncoding,
		});
		if (parent) parent.children.push(token);
		ok(res, req, token);
	});

	const findSession = (req, res) => {
		const token = req.body.session_token;
		const s = typeof token === 'string' ? sessions.get(token) : undefined;
		if (!s || s.companyKey !== req.identomatCompany.companyKey) {
			fail(res, config.errorStatus, config.errorCodes.sessionNotFound);
			return null;
		}
		if (expired(s)) {
			fail(res, config.errorStatus, config.errorCodes.sessionExpired);
			return null;
		}
		return s;
	};

	api.post('/result/', (req, res) => {
		const s = findSession(req, res);
		if (!s) return;
		if (s.deleted) return fail(res, config.errorStatus, config.errorCodes.sessionNotFound);
		ok(res, req, fixtures.result(s.outcome || 'inProgress', s, config));
	});

	api.post('/delete/', (req, res) => {
		const s = findSession(req, res);
		if (!s) return;
		s.deleted = true;
		ok(res, req, config.deleteResponse);
	});

	for (const [kind, mime] of Object.entries(MEDIA)) {
		api.post(`/result/${kind}/`, (req, res) => {
			const s = findSession(req, res);
			if (!s) return;
			if (s.deleted || !fixtures.media(s.outcome).includes(kind)) {
				return res
					.status(config.mediaErrorStatus)
					.type('application/json')
					.send(JSON.stringify({ argumentError: `no ${kind} for this session` }));
			}
			ok(res, req, null, {
				raw: mime.startsWith('video') ? fixtures.WEBM : fixtures.JPEG,
				contentType: mime,
			});
		});
	}
	api.use((req, res) => res.status(404).type('text/plain').send(`Not Found: ${req.path}`));

	// ---- callbacks (Callback URL + Callback API key of the company settings)
	function emitCallback(type, sessionId, extra = {}) {
		const cb = config.callbacks;
		if (!cb.url) return Promise.resolve({ ok: false, skipped: true });
		const body = JSON.stringify({ callbackApiKey: cb.apiKey, type, sessionId, ...extra });
		const record = { type, sessionId, body: JSON.parse(body), attempts: [] };
		deliveries.push(record);
		return base.deliverer
			.deliver({
				url: cb.url,
				body,
				timeoutMs: cb.timeoutMs,
				schedule: cb.retrySchedule,
				makeHeaders: () => ({
					'Content-Type': 'application/json',
					'User-Agent': 'Identomat (sandbox)',
				}),
				onAttempt: (a) =>
					record.attempts.push({ attempt: a.attempt, status: a.status, ok: a.ok, error: a.error }),
			})
			.then((r) => {
				record.ok = r.ok;
				waiters = waiters.filter((w) => !w());
				return r;
			});
	}

	function complete(s, outcome = 'approved') {
		if (!OUTCOMES.includes(outcome))
			throw new Error(`outcome must be one of ${OUTCOMES.join(', ')}`);
		s.openedAt = s.openedAt || clock.nowMs();
		s.outcome = outcome;
		s.status = outcome === 'inProgress' ? 'opened' : 'completed';
		const delegation = [];
		for (const st of s.steps) {
			const f = { ...(st.flags || {}), ...st };
			if (st.type === 'phone-number' && f.require_phone_number_check)
				delegation.push([
					'one-time-password-request',
					{ text: 'Your code is 6867', phoneNumber: '+995512345678' },
				]);
			if (st.type === 'email' && f.require_email_check)
				delegation.push([
					'email-one-time-password-request',
					{ text: 'Your code is 6867', email: 'person@example.com' },
				]);
		}
		for (const [type, extra] of delegation) emitCallback(type, s.token, extra);
		if (config.callbacks.statusUpdates && s.status === 'completed')
			emitCallback(config.callbacks.statusUpdateType, s.token, {
				result: fixtures.result(outcome, s, config).result,
			});
		return s;
	}

	function returnUrlFor(s) {
		const url = s.flags.return_url;
		if (!url) return null;
		const param = config.returnUrlTokenParameter;
		if (!param) return url;
		const u = new URL(url);
		u.searchParams.set(param, s.token);
		return u.toString();
	}

	// ---- widget stand-in (hosted.js)
	const widget = hostedRouter({
		find: (token) => sessions.get(token),
		expired,
		complete,
		returnUrlFor,
		now: () => clock.nowMs(),
	});

	const router = express.Router();
	router.use(API_PREFIX, api);
	router.use(widget);

	const publicApi = {
		get baseUrl() {
			return `${base.getUrl()}/identomat`;
		},
		get config() {
			return config;
		},
		setConfig: (patch) => patchConfig(config, patch),
		get sessions() {
			return sessions;
		},
		session: (token) => sessions.get(token),
		completeSession(token, { outcome } = {}) {
			const s = sessions.get(token);
			if (!s) throw new Error(`session ${token} not found`);
			complete(s, outcome || 'approved');
			return { token, outcome: s.outcome, returnUrl: returnUrlFor(s) };
		},
		emitCallback,
		get deliveries() {
			return deliveries;
		},
		waitForDeliveries(n, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const done = () => deliveries.filter((d) => d.ok !== undefined).length >= n;
				if (done()) return resolve(deliveries);
				const t = setTimeout(
					() => reject(new Error(`expected ${n} callback deliveries, got ${deliveries.length}`)),
					timeoutMs,
				);
				waiters.push(() => {
					if (!done()) return false;
					clearTimeout(t);
					resolve(deliveries);
					return true;
				});
			});
		},
		sign: (secret, body) => hmac(secret, body).toString('base64'),
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
		wrap((req, res) => {
			publicApi.setConfig(req.body || {});
			res.json(config);
		}),
	);
	controlRouter.post(
		'/sessions/:token/complete',
		wrap((req, res) => res.json(publicApi.completeSession(req.params.token, req.body || {}))),
	);
	controlRouter.post(
		'/callbacks',
		wrap((req, res) => {
			const b = req.body || {};
			emitCallback(b.type, b.sessionId, b.extra || {});
			res.status(202).json({ queued: true });
		}),
	);
	controlRouter.get('/deliveries', (req, res) => res.json(deliveries));

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
			config = patchConfig(defaultConfig(), base.options);
			sessions = new Map();
			deliveries = [];
			waiters = [];
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
