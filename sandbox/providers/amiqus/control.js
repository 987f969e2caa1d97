'use strict';
// Amiqus control endpoints under /_control/amiqus (test hooks; never part of the real API).
const { providerControlRouter, wrap } = require('../../core/control');

function controlRouter(ctx, api) {
	const r = providerControlRouter(api);
	r.post(
		'/records/:id/complete',
		wrap((req, res) => res.json(api.completeRecord(Number(req.params.id), req.body || {}))),
	);
	r.post(
		'/records/:id/steps/:stepId/complete',
		wrap((req, res) =>
			res.json(api.completeStep(Number(req.params.id), Number(req.params.stepId), req.body || {})),
		),
	);
	r.post(
		'/records/:id/expire',
		wrap((req, res) => res.json(api.expireRecord(Number(req.params.id)))),
	);
	r.post(
		'/checks/:id/status',
		wrap((req, res) => res.json(api.setCheckStatus(Number(req.params.id), req.body?.status))),
	);
	r.post(
		'/webhooks/:id/ping',
		wrap((req, res) => {
			api.ping(Number(req.params.id));
			res.status(202).json({ queued: true });
		}),
	);
	r.get('/deliveries', (req, res) => res.json(api.deliveries));
	r.post(
		'/oauth/expire',
		wrap((req, res) => res.json({ expired: api.expireAccessTokens(req.body?.access_token) })),
	);
	// Fixtures over HTTP for the real-n8n e2e tests: kind = client | record | recordTemplate | clientFile.
	r.post(
		'/seed/:kind',
		wrap((req, res) => {
			const b = req.body || {};
			const k = req.params.kind;
			if (k === 'clientFile') return res.status(201).json(api.seed.clientFile(b.clientId, b));
			if (!api.seed[k]) throw Object.assign(new Error(`unknown seed kind ${k}`), { status: 404 });
			res.status(201).json(api.seed[k](b));
		}),
	);
	return r;
}

module.exports = { controlRouter };
