'use strict';
// OAuth 2.0 authorization-code grant with single-use refresh tokens (amiqus.md §3.2).
const express = require('express');
const { randomHex } = require('../../core/ids');
const { clientCredentials } = require('../../core/auth');
const { esc } = require('../../core/html');

function createOAuthRouter({ config, state, clock }) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));
	r.use(express.json());

	const findClient = (id) => config().oauthClients.find((c) => c.clientId === id);
	const redirectAllowed = (c, uri) =>
		c.redirectUris === '*' ||
		c.redirectUris == null ||
		(Array.isArray(c.redirectUris) && c.redirectUris.includes(uri));

	function checkAuthorize(q) {
		const c = findClient(q.client_id);
		if (!c)
			return {
				status: 401,
				body: {
					error: 'invalid_client',
					error_description: 'Client authentication failed',
					message: 'Client authentication failed',
				},
			};
		if (!q.redirect_uri || !redirectAllowed(c, q.redirect_uri))
			return {
				status: 400,
				body: {
					error: 'invalid_request',
					error_description: 'The redirect_uri is not registered for this client.',
				},
			};
		return null;
	}

	function redirectWith(res, uri, params) {
		const u = new URL(uri);
		for (const [k, v] of Object.entries(params))
			if (v != null && v !== '') u.searchParams.set(k, v);
		res.redirect(302, u.toString());
	}

	function decide(res, q, approve) {
		if (q.response_type !== 'code')
			return redirectWith(res, q.redirect_uri, {
				error: 'unsupported_response_type',
				state: q.state,
			});
		if (!approve)
			return redirectWith(res, q.redirect_uri, {
				error: 'access_denied',
				error_description: 'The resource owner or authorization server denied the request.',
				state: q.state,
			});
		const code = randomHex(40);
		state().oauth.codes.set(code, {
			clientId: q.client_id,
			redirectUri: q.redirect_uri,
			expiresAt: clock.nowMs() + config().oauthCodeTtlSeconds * 1000,
		});
		return redirectWith(res, q.redirect_uri, { code, state: q.state });
	}

	// Stand-in consent page; ?auto=approve|deny skips it for tests.
	r.get('/authorize', (req, res) => {
		const q = req.query;
		const bad = checkAuthorize(q);
		if (bad) return res.status(bad.status).json(bad.body);
		if (q.auto === 'approve' || q.auto === 'deny') return decide(res, q, q.auto === 'approve');
		const hidden = ['client_id', 'redirect_uri', 'response_type', 'state']
			.map((k) => `<input type="hidden" name="${k}" value="${esc(q[k])}">`)
			.join('');
		res.type('html')
			.send(`<!doctype html><html><head><meta charset="utf-8"><title>Amiqus sandbox: authorize</title></head><body>
<h1>Amiqus sandbox</h1><p>The application <b>${esc(q.client_id)}</b> wants to access your Amiqus team <b>${esc(state().team.name)}</b>.</p>
<form method="post" action="authorize">${hidden}<button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form></body></html>`);
	});
	r.post('/authorize', (req, res) => {
		const q = req.body || {};
		const bad = checkAuthorize(q);
		if (bad) return res.status(bad.status).json(bad.body);
		return decide(res, q, q.decision === 'approve');
	});

	function issue(clientId) {
		const st = state().oauth;
		const ttl = config().oauthAccessTokenTtlSeconds;
		const access = randomHex(32);
		const refresh = randomHex(40);
		st.accessTokens.set(access, {
			clientId,
			expiresAt: clock.nowMs() + ttl * 1000,
			revoked: false,
		});
		st.refreshTokens.set(refresh, { clientId, accessToken: access, used: false });
		return { token_type: 'Bearer', expires_in: ttl, access_token: access, refresh_token: refresh };
	}

	const oauthError = (res, status, error, description) =>
		res.status(status).json({ error, error_description: description, message: description });

	r.post('/token', (req, res) => {
		if (config().oauthRequireFormEncoding && !req.is('application/x-www-form-urlencoded')) {
			return oauthError(
				res,
				400,
				'invalid_request',
				'The request must be application/x-www-form-urlencoded.',
			);
		}
		const b = req.body || {};
		// Client credentials in the body or as HTTP Basic (both accepted by Laravel Passport).
		const { clientId, clientSecret } = clientCredentials(req);
		const c = findClient(clientId);
		if (!c || c.clientSecret !== clientSecret)
			return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
		const st = state().oauth;
		if (b.grant_type === 'authorization_code') {
			const code = st.codes.get(b.code);
			st.codes.delete(b.code); // single use, even when the rest of the request is wrong
			if (!code || code.clientId !== clientId || code.expiresAt <= clock.nowMs())
				return oauthError(
					res,
					400,
					'invalid_grant',
					'The authorization code is invalid, expired or already used.',
				);
			if (b.redirect_uri !== code.redirectUri)
				return oauthError(
					res,
					400,
					'invalid_grant',
					'The redirect_uri does not match the authorization request.',
				);
			return res.json(issue(clientId));
		}
		if (b.grant_type === 'refresh_token') {
			const rt = st.refreshTokens.get(b.refresh_token);
			if (!rt || rt.used || rt.clientId !== clientId)
				return oauthError(res, 400, 'invalid_grant', 'The refresh token is invalid.');
			// Single use: the old refresh token and its access token stop working at once.
			rt.used = true;
			const old = st.accessTokens.get(rt.accessToken);
			if (old) old.revoked = true;
			return res.json(issue(clientId));
		}
		return oauthError(
			res,
			400,
			'unsupported_grant_type',
			'The authorization grant type is not supported by the authorization server.',
		);
	});

	return r;
}

// Control helper: make OAuth access tokens expire so clients must refresh.
function expireAccessTokens(state, clock, token) {
	let n = 0;
	for (const [t, v] of state().oauth.accessTokens)
		if (!token || t === token) {
			v.expiresAt = clock.nowMs() - 1;
			n++;
		}
	return n;
}

module.exports = { createOAuthRouter, expireAccessTokens };
