'use strict';
// Ondato control endpoints under /_control/ondato (test and demo hooks; never part of the real API).
// Webhook subscriptions live here because Ondato registers them out of band (ondato.md §7.1).
const { providerControlRouter, wrap } = require('../../core/control');

function controlRouter(api) {
	const r = providerControlRouter(api);
	r.get('/webhooks', (req, res) => res.json(api.subscriptions()));
	r.post(
		'/webhooks',
		wrap((req, res) => res.status(201).json(api.registerWebhook(req.body || {}))),
	);
	r.delete(
		'/webhooks/:id',
		wrap((req, res) => {
			api.unregisterWebhook(req.params.id);
			res.status(204).end();
		}),
	);
	r.get('/deliveries', (req, res) => res.json(api.deliveries));
	r.get('/tokens', (req, res) =>
		res.json({ requests: api.tokenRequests, issued: api.tokensIssued }),
	);
	r.post(
		'/tokens/expire',
		wrap((req, res) => res.json({ expired: api.expireTokens() })),
	);
	r.post(
		'/identity-verifications/:id/:action',
		wrap((req, res) => {
			const { id, action } = req.params;
			const b = req.body || {};
			const acts = {
				consent: () => api.consent(id),
				process: () => api.process(id),
				approve: () => api.approve(id),
				reject: () => api.reject(id, b.reason),
				complete: () => api.complete(id, b),
				expire: () => api.expire(id),
				abort: () => api.abort(id),
				update: () => api.updateKyc(id, b),
			};
			if (!acts[action])
				throw Object.assign(new Error(`unknown action ${action}`), { status: 404 });
			res.json(acts[action]());
		}),
	);
	r.post(
		'/seed/setup',
		wrap((req, res) => res.status(201).json(api.seed.setup(req.body || {}))),
	);
	r.post(
		'/seed/identity-verification',
		wrap((req, res) => res.status(201).json(api.seed.identityVerification(req.body || {}))),
	);
	return r;
}

module.exports = { controlRouter };
