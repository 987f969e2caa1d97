'use strict';
// Bearer auth for /api/v2: Personal Access Tokens from config, or OAuth access tokens issued by oauth.js.
const { bearerToken } = require('../../core/auth');

function createAuth({ config, state, clock }) {
	function resolveToken(token) {
		if (config().personalTokens.includes(token)) return { type: 'pat' };
		const t = state().oauth.accessTokens.get(token);
		if (t && !t.revoked && t.expiresAt > clock.nowMs())
			return { type: 'oauth', clientId: t.clientId };
		return null;
	}

	function middleware(req, res, next) {
		const token = bearerToken(req);
		const auth = token && resolveToken(token);
		if (!auth) return res.status(401).json({ error: 'Unauthenticated.' });
		if (config().readOnlyTokens.includes(token) && req.method !== 'GET')
			return res.status(403).json({ message: 'This action is unauthorized.' });
		req.amiqusAuth = auth;
		next();
	}

	return { middleware, resolveToken };
}

module.exports = { createAuth };
