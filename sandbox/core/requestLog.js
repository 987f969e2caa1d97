'use strict';
const { originalBody } = require('./bodies');
// Records every provider request so tests can assert what a node actually sent.
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

function redactHeaders(headers) {
	const out = { ...headers };
	for (const h of Object.keys(out)) {
		if (SECRET_HEADERS.includes(h.toLowerCase()) || /secret|token|api-key|hmac|signature/i.test(h))
			out[h] = '[redacted]';
	}
	return out;
}

const SECRET_FIELDS = /^(client_secret|refresh_token|access_token|code|password|secret|token)$/i;
function redactBody(body) {
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body))
		return body;
	const out = {};
	for (const [k, v] of Object.entries(body)) out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : v;
	return out;
}

function createRequestLog() {
	let entries = [];
	return {
		entries: () => entries,
		list: (provider) => entries.filter((e) => !provider || e.provider === provider),
		clear: () => {
			entries = [];
		},
		// stripPath maps a full URL path to the provider-relative path shown in the log.
		middleware(provider, stripPath) {
			return (req, res, next) => {
				const entry = {
					provider,
					method: req.method,
					path: stripPath(req.path),
					query: { ...req.query },
					headers: redactHeaders(req.headers),
					body: undefined,
					status: null,
					time: new Date().toISOString(),
				};
				entries.push(entry);
				req.sandboxLogEntry = entry;
				res.on('finish', () => {
					entry.status = res.statusCode;
					entry.body = redactBody(originalBody(req));
				});
				res.on('close', () => {
					if (!res.writableFinished) {
						entry.status = null;
						entry.dropped = true;
						entry.body = redactBody(originalBody(req));
					}
				});
				next();
			};
		},
	};
}

module.exports = { createRequestLog, redactHeaders, redactBody };
