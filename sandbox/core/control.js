'use strict';
// Generic HTTP control endpoints (/_control/...) shared by all providers.
const express = require('express');

function createControlRouter(sb) {
	const r = express.Router();
	r.use(express.json());
	r.post('/reset', (req, res) => {
		sb.reset();
		res.status(204).end();
	});
	r.post('/faults', (req, res) => {
		try {
			const f = sb.faults.add(req.body || {});
			res.status(201).json({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path });
		} catch (e) {
			res.status(400).json({ error: e.message });
		}
	});
	r.get('/faults', (req, res) =>
		res.json(
			sb.faults
				.list()
				.map((f) => ({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path })),
		),
	);
	r.delete('/faults', (req, res) => {
		sb.faults.clear();
		res.status(204).end();
	});
	r.get('/requests', (req, res) => res.json(sb.requests(req.query.provider)));
	r.delete('/requests', (req, res) => {
		sb.clearRequests();
		res.status(204).end();
	});
	r.get('/problems', (req, res) => res.json(sb.problems));
	// Moves the sandbox clock forward (token and record expiry) without waiting.
	r.post('/clock/advance', (req, res) => {
		sb.advanceClock(Number(req.body?.seconds || 0) * 1000);
		res.json({ now: sb.clock.now().toISOString() });
	});
	return r;
}

/** A control handler that may throw: the error's status (else 400) and `{ error: message }`. */
const wrap = (fn) => (req, res) => {
	try {
		fn(req, res);
	} catch (e) {
		res.status(e.status || 400).json({ error: e.message });
	}
};

/**
 * A provider's own control router (/_control/<provider>): JSON bodies and GET/PATCH /config on
 * `api.config` and `api.setConfig`. The provider adds its routes (state changes, seeds) with `wrap`.
 */
function providerControlRouter(api) {
	const r = express.Router();
	r.use(express.json());
	r.get('/config', (req, res) => res.json(api.config));
	r.patch(
		'/config',
		wrap((req, res) => {
			api.setConfig(req.body || {});
			res.json(api.config);
		}),
	);
	return r;
}

module.exports = { createControlRouter, providerControlRouter, wrap };
