'use strict';
// The token server (id.ondato.com, ondato.md §3): OAuth2 client credentials; and the Bearer check of the APIs.
const express = require('express');
const { randomHex } = require('../../core/ids');
const { bearerToken, clientCredentials } = require('../../core/auth');

function tokenRouter({ config, state, clock }) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));
	const oauthError = (res, status, error, description) =>
		res.status(status).json({ error, ...(description ? { error_description: description } : {}) });
	r.post('/connect/token', (req, res) => {
		state().tokenRequests++;
		if (!req.is('application/x-www-form-urlencoded'))
			return oauthError(
				res,
				400,
				'invalid_request',
				'The request must be application/x-www-form-urlencoded',
			);
		const b = req.body || {};
		const { clientId, clientSecret } = clientCredentials(req);
		if (b.grant_type !== 'client_credentials')
			return oauthError(res, 400, 'unsupported_grant_type');
		const client = config().clients.find((c) => c.clientId === clientId);
		if (!client || client.clientSecret !== clientSecret)
			return oauthError(res, config().invalidClientStatus, 'invalid_client');
		// Without scope the token gets every scope assigned to the client (official, ondato.md §3).
		const asked =
			typeof b.scope === 'string' && b.scope.trim() ? b.scope.trim().split(/\s+/) : client.scopes;
		if (asked.some((s) => !client.scopes.includes(s))) return oauthError(res, 400, 'invalid_scope');
		const token = randomHex(32);
		const ttl = config().tokenTtlSeconds;
		state().tokens.set(token, { clientId, scopes: asked, expiresAt: clock.nowMs() + ttl * 1000 });
		state().tokensIssued++;
		res
			.set('Cache-Control', 'no-store')
			.json({ access_token: token, expires_in: ttl, token_type: 'Bearer', scope: asked.join(' ') });
	});
	r.get('/.well-known/openid-configuration', (req, res) => {
		const base = `${req.protocol}://${req.get('host')}${req.baseUrl}`;
		res.json({
			issuer: base,
			token_endpoint: `${base}/connect/token`,
			grant_types_supported: ['client_credentials'],
			scopes_supported: [...new Set(config().clients.flatMap((c) => c.scopes))],
		});
	});
	return r;
}

// Bearer check; `scopes(req)` lists the scopes any one of which allows the call.
function bearer({ config, state, clock }, scopesFor) {
	return (req, res, next) => {
		const token = bearerToken(req);
		const t = token && state().tokens.get(token);
		if (!t || t.expiresAt <= clock.nowMs()) {
			res.set(
				'WWW-Authenticate',
				t
					? 'Bearer error="invalid_token", error_description="The token expired"'
					: 'Bearer error="invalid_token"',
			);
			return res.status(401).end();
		}
		if (scopesFor && config().enforceScopes && !scopesFor(req).some((s) => t.scopes.includes(s))) {
			res.set('WWW-Authenticate', 'Bearer error="insufficient_scope"');
			return res.status(403).end();
		}
		next();
	};
}

module.exports = { tokenRouter, bearer };
