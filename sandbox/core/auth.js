'use strict';
// The parts of HTTP auth every provider reads the same way.

/** The token of `Authorization: Bearer <token>`, or null. */
function bearerToken(req) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
	return m ? m[1] : null;
}

/** OAuth client credentials: client_id/client_secret in the form body, or HTTP Basic (which wins). */
function clientCredentials(req) {
	const b = req.body || {};
	let clientId = b.client_id;
	let clientSecret = b.client_secret;
	const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization || '');
	if (basic) {
		const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		clientId = decodeURIComponent(id);
		clientSecret = decodeURIComponent(rest.join(':'));
	}
	return { clientId, clientSecret };
}

module.exports = { bearerToken, clientCredentials };
