'use strict';
// The API /identomat/external-api/<endpoint>/ (identomat.md §3-§5): POST only, trailing slash
// required, parameters as query, form, multipart or JSON (parse.js); HMAC companies sign requests
// and get signed responses.
const crypto = require('crypto');
const express = require('express');
const { parseParams } = require('./parse');
const { validateBegin } = require('./validate');
const fixtures = require('./fixtures');

const MEDIA = {
	'card-front': 'image/jpeg',
	'card-back': 'image/jpeg',
	passport: 'image/jpeg',
	face: 'image/jpeg',
	'face-video': 'video/webm',
};

const hmac = (key, data) => crypto.createHmac('sha256', key).update(data).digest();

// Unsuccessful responses carry no signature (HMAC page).
const fail = (res, status, code) =>
	res.status(status).type('application/json').send(JSON.stringify(code));

function apiRouter({ config, state, sessions }) {
	const company = (key) => config().companies.find((c) => c.companyKey === key);

	// Responses are bare JSON values; successful ones signed for HMAC companies.
	function ok(res, req, value, { raw, contentType } = {}) {
		let body = raw ?? Buffer.from(JSON.stringify(value), 'utf8');
		res.status(200).type(contentType || 'application/json');
		const secret = req.identomatCompany?.secretKey;
		if (secret) {
			res.set('Authorization', `signature="${hmac(secret, body).toString('base64')}"`);
			if (config().tamperResponses) {
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

	function requestSignatureValid(req, raw, parts, secret) {
		const m = /^\s*signature="([^"]*)"\s*$/.exec(String(req.headers.authorization || ''));
		if (!m) return false;
		let expected;
		if (parts && config().multipartHmac === 'parts') {
			let key = secret;
			for (const p of [...parts.filter((x) => !x.file), ...parts.filter((x) => x.file)])
				key = hmac(key, p.value);
			expected = Buffer.from(key);
		} else expected = hmac(secret, raw);
		const got = Buffer.from(m[1], 'base64');
		return got.length === expected.length && crypto.timingSafeEqual(got, expected);
	}

	// Strict routing, so the trailing slash is required as documented.
	const api = express.Router({ strict: true });
	api.use(express.raw({ type: () => true, limit: '20mb' }));
	api.use((req, res, next) => {
		const cfg = config();
		if (req.method !== 'POST') return res.status(405).type('text/plain').send('Method Not Allowed');
		const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		let parsed;
		try {
			parsed = parseParams(req, raw);
		} catch (e) {
			req.body = { _raw: raw.toString('utf8').slice(0, 200) };
			return fail(res, cfg.errorStatus, cfg.errorCodes.argumentError);
		}
		req.body = parsed.params; // what the request log shows
		req.identomatEncoding = parsed.encoding;
		const c = company(parsed.params.company_key);
		if (!c) return fail(res, cfg.invalidKeyStatus, 'COMPANY_KEY_INVALID');
		if (c.secretKey && !requestSignatureValid(req, raw, parsed.parts, c.secretKey))
			return fail(res, cfg.signatureStatus, cfg.errorCodes.signatureInvalid);
		req.identomatCompany = c;
		next();
	});

	api.post('/begin/', (req, res) => {
		const cfg = config();
		const p = req.body;
		const problem = validateBegin(p, cfg);
		if (problem === 'config_id') return fail(res, cfg.errorStatus, cfg.errorCodes.configNotFound);
		if (problem) {
			req.sandboxLogEntry && (req.sandboxLogEntry.problem = problem);
			return fail(res, cfg.errorStatus, cfg.errorCodes.argumentError);
		}
		let parent = null;
		if (p.parent_session_id !== undefined) {
			parent = sessions.find(p.parent_session_id);
			if (!parent || parent.companyKey !== req.identomatCompany.companyKey)
				return fail(res, cfg.errorStatus, cfg.errorCodes.sessionNotFound);
		}
		let steps = p.steps || [];
		let flags = p.flags || {};
		if (p.config_id) {
			// The configuration is used; steps given here replace the configuration's steps with the same key.
			const saved = cfg.configurations[p.config_id];
			const overrides = new Map(steps.map((s) => [s.key, s]));
			steps = saved.steps.map((s) => overrides.get(s.key) || s);
			flags = { ...saved.flags, ...flags };
		}
		const token = sessions.create({
			companyKey: req.identomatCompany.companyKey,
			flags,
			steps,
			configId: p.config_id || null,
			parent,
			encoding: req.identomatEncoding,
		});
		ok(res, req, token);
	});

	const findSession = (req, res) => {
		const cfg = config();
		const token = req.body.session_token;
		const s = typeof token === 'string' ? state().sessions.get(token) : undefined;
		if (!s || s.companyKey !== req.identomatCompany.companyKey) {
			fail(res, cfg.errorStatus, cfg.errorCodes.sessionNotFound);
			return null;
		}
		if (sessions.expired(s)) {
			fail(res, cfg.errorStatus, cfg.errorCodes.sessionExpired);
			return null;
		}
		return s;
	};

	api.post('/result/', (req, res) => {
		const s = findSession(req, res);
		if (!s) return;
		if (s.deleted) return fail(res, config().errorStatus, config().errorCodes.sessionNotFound);
		ok(res, req, fixtures.result(s.outcome || 'inProgress', s, config()));
	});

	api.post('/delete/', (req, res) => {
		const s = findSession(req, res);
		if (!s) return;
		s.deleted = true;
		ok(res, req, config().deleteResponse);
	});

	for (const [kind, mime] of Object.entries(MEDIA)) {
		api.post(`/result/${kind}/`, (req, res) => {
			const s = findSession(req, res);
			if (!s) return;
			if (s.deleted || !fixtures.media(s.outcome).includes(kind)) {
				return res
					.status(config().mediaErrorStatus)
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
	return api;
}

module.exports = { apiRouter, hmac };
