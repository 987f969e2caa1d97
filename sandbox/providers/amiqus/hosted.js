'use strict';
// Stand-in for the hosted perform page (record.perform_url): the person approves or rejects.
const express = require('express');
const ser = require('./serialize');

const { esc, page, sendPage } = require('../../core/html');

function hostedRouter(ctx) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));

	// The record of a perform link, or null after answering that the link is not (or no longer) usable.
	const open = (req, res) => {
		const id = ctx.state().performTokens.get(req.params.token);
		const rec = id != null ? ctx.state().records.get(id) : null;
		if (!rec) {
			sendPage(res, 404, 'Not found', '<p>This link is not valid.</p>');
			return null;
		}
		if (ctx.lifecycle.performUrl(rec, ctx.getUrl()) === false) {
			sendPage(res, 410, 'Nothing to do', '<p>This request has been completed or has expired.</p>');
			return null;
		}
		return rec;
	};

	r.get('/i/:token', (req, res) => {
		const rec = open(req, res);
		if (!rec) return;
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
		const rec = open(req, res);
		if (!rec) return;
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
