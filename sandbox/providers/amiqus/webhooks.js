'use strict';
// Webhook subscriptions CRUD and the deliveries log (amiqus.md §5.6).
const express = require('express');
const { unprocessable } = require('./errors');
const { listResponse, getOr404 } = require('./helpers');
const { randomHex, uuid } = require('../../core/ids');
const ser = require('./serialize');

function checkUrl(ctx, url) {
	let u;
	try {
		u = new URL(url);
	} catch {
		throw unprocessable({ url: ['The url must be a valid URL.'] });
	}
	if (
		!['http:', 'https:'].includes(u.protocol) ||
		(ctx.config().requireHttpsWebhooks && u.protocol !== 'https:')
	)
		throw unprocessable({ url: ['The url must be a valid HTTPS URL.'] });
}

function webhooksRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const hook = (id) => getOr404(st().webhooks, id, 'Webhook not found');

	r.get('/webhooks', (req, res) => {
		let items = [...st().webhooks.values()].sort((a, b) => a.id - b.id);
		if (req.query.enabled != null)
			items = items.filter((w) => w.is_enabled === (String(req.query.enabled) === 'true'));
		listResponse(ctx, req, res, items.map(ser.webhook));
	});

	r.post('/webhooks', (req, res) => {
		const b = req.body;
		checkUrl(ctx, b.url);
		const now = ctx.clock.now();
		const w = {
			id: st().ids.next('webhook'),
			uuid: uuid(),
			url: b.url,
			secret: randomHex(32),
			events: b.events,
			is_enabled: b.is_enabled ?? true,
			failures: 0,
			created_at: now,
			updated_at: now,
		};
		st().webhooks.set(w.id, w);
		res.status(201).json(ser.webhook(w));
	});

	r.get('/webhooks/:id', (req, res) => res.json(ser.webhook(hook(req.params.id))));

	r.patch('/webhooks/:id', (req, res) => {
		const w = hook(req.params.id);
		const b = req.body;
		if (!Object.keys(b).length)
			throw unprocessable({ body: ['At least one property is required'] });
		if ('url' in b) {
			checkUrl(ctx, b.url);
			w.url = b.url;
		}
		if ('events' in b) w.events = b.events;
		if ('is_enabled' in b) {
			w.is_enabled = b.is_enabled;
			if (b.is_enabled) w.failures = 0;
		}
		w.updated_at = ctx.clock.now();
		res.json(ser.webhook(w));
	});

	r.delete('/webhooks/:id', (req, res) => {
		hook(req.params.id);
		st().webhooks.delete(Number(req.params.id));
		res.status(204).end();
	});

	r.get('/webhooks/:id/deliveries', (req, res) => {
		const w = hook(req.params.id);
		const items = [...st().deliveries.values()]
			.filter((d) => d.webhook === w.id)
			.sort((a, b) => a.id - b.id)
			.map(({ webhook, ...d }) => d);
		listResponse(ctx, req, res, items);
	});

	return r;
}

module.exports = { webhooksRouter };
