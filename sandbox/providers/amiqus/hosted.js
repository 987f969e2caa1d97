'use strict';
// Stand-in for the hosted perform page (record.perform_url): the person approves or rejects.
const express = require('express');
const ser = require('./serialize');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

function hostedRouter(ctx) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));

	const find = (token) => {
		const id = ctx.state().performTokens.get(token);
		return id != null ? ctx.state().records.get(id) : null;
	};

	r.get('/i/:token', (req, res) => {
		const rec = find(req.params.token);
		if (!rec)
			return res.status(404).type('html').send(page('Not found', '<p>This link is not valid.</p>'));
		if (ctx.lifecycle.performUrl(rec, ctx.getUrl()) === false)
			return res
				.status(410)
				.type('html')
				.send(page('Nothing to do', '<p>This request has been completed or has expired.</p>'));
		const steps = rec.steps
			.map((id) => ctx.state().steps.get(id))
			.map((s) => `<li>${esc(s.type)}${s.completed_at ? ' (done)' : ''}</li>`)
			.join('');
		res.type('html').send(
			page(
				`Amiqus sandbox: request for ${ser.name(rec.name).full_name}`,
				`<ul>${steps}</ul>
<form method="post"><button name="outcome" value="accepted">Approve</button> <button name="outcome" value="rejected">Reject</button></form>`,
			),
		);
	});

	r.post('/i/:token', (req, res) => {
		const rec = find(req.params.token);
		if (!rec)
			return res.status(404).type('html').send(page('Not found', '<p>This link is not valid.</p>'));
		if (ctx.lifecycle.performUrl(rec, ctx.getUrl()) === false)
			return res
				.status(410)
				.type('html')
				.send(page('Nothing to do', '<p>This request has been completed or has expired.</p>'));
		const outcome = ['accepted', 'rejected', 'refer', 'failed', 'paused', 'submitted'].includes(
			req.body?.outcome,
		)
			? req.body.outcome
			: undefined;
		ctx.lifecycle.completeRecord(rec, outcome);
		res
			.type('html')
			.send(
				page(
					'Thank you',
					`<p>Your request has been submitted (${esc(outcome || 'accepted')}).</p>`,
				),
			);
	});
	return r;
}

module.exports = { hostedRouter };
