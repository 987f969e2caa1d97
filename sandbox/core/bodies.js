'use strict';
// Body parsers that keep the exact bytes received (req.rawBody), so the request log shows what the
// client sent, not the body after a validator filled in defaults, and signatures can be checked.
const express = require('express');

const keepRaw = (req, res, buf) => {
	req.rawBody = Buffer.from(buf);
};

const jsonBody = (options = {}) => express.json({ limit: '10mb', ...options, verify: keepRaw });
const formBody = (options = {}) =>
	express.urlencoded({ extended: false, limit: '10mb', ...options, verify: keepRaw });

/** The body as the client sent it: parsed from the raw bytes when it was JSON. */
function originalBody(req) {
	if (!req.rawBody) return req.body;
	if (req.is && req.is('application/json')) {
		try {
			return JSON.parse(req.rawBody.toString('utf8'));
		} catch {
			return req.rawBody.toString('utf8');
		}
	}
	return req.body;
}

module.exports = { jsonBody, formBody, originalBody };
