'use strict';
// Request parameters as Identomat accepts them: query string, URL-encoded form, multipart or JSON.
// Returns { params, parts } where parts are the multipart parts in order ({ name, value, file }).

function parseMultipart(raw, contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) throw new Error('multipart body without boundary');
	const boundary = Buffer.from(`--${m[1] || m[2]}`);
	const parts = [];
	let pos = raw.indexOf(boundary);
	if (pos < 0) throw new Error('multipart boundary not found');
	for (;;) {
		pos += boundary.length;
		if (raw.slice(pos, pos + 2).toString() === '--') break;
		pos += 2; // CRLF
		const headerEnd = raw.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new Error('malformed multipart part');
		const head = raw.slice(pos, headerEnd).toString('utf8');
		const next = raw.indexOf(boundary, headerEnd + 4);
		if (next < 0) throw new Error('unterminated multipart body');
		const value = raw.slice(headerEnd + 4, next - 2); // drop the CRLF before the boundary
		const name = /name="([^"]*)"/i.exec(head);
		const filename = /filename="([^"]*)"/i.exec(head);
		if (!name) throw new Error('multipart part without a name');
		parts.push({ name: name[1], value, file: !!filename });
		pos = next;
	}
	return parts;
}

function parseParams(req, raw) {
	const params = {};
	for (const [k, v] of Object.entries(req.query || {}))
		params[k] = Array.isArray(v) ? v[v.length - 1] : v;
	const type = String(req.headers['content-type'] || '').toLowerCase();
	let parts = null;
	let encoding = 'query';
	if (raw.length) {
		if (type.startsWith('application/json')) {
			const body = JSON.parse(raw.toString('utf8'));
			if (!body || typeof body !== 'object' || Array.isArray(body))
				throw new Error('the JSON body must be an object');
			Object.assign(params, body);
			encoding = 'json';
		} else if (type.startsWith('application/x-www-form-urlencoded')) {
			for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) params[k] = v;
			encoding = 'form';
		} else if (type.startsWith('multipart/form-data')) {
			parts = parseMultipart(raw, String(req.headers['content-type']));
			for (const p of parts) if (!p.file) params[p.name] = p.value.toString('utf8');
			encoding = 'multipart';
		} else {
			throw new Error(`unsupported content type "${type}"`);
		}
	}
	// In form, multipart and query encodings, flags and steps are JSON strings.
	for (const k of ['flags', 'steps']) {
		if (typeof params[k] === 'string') {
			try {
				params[k] = JSON.parse(params[k]);
			} catch {
				throw new Error(`${k} is not valid JSON`);
			}
		}
	}
	return { params, parts, encoding };
}

module.exports = { parseParams, parseMultipart };
