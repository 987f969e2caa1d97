'use strict';
// Stand-in for the Identomat widget: GET /?session_token=... opens the session; ?complete=<outcome>
// (or the form) finishes it, then the browser goes to return_url (or, without one, the widget tells
// its parent window, as in iframe mode).
const express = require('express');

const OUTCOMES = ['approved', 'rejected', 'proofOfAddress', 'manualCheck', 'inProgress'];

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

function hostedRouter({ find, expired, complete, returnUrlFor, now }) {
	const widget = express.Router();
	widget.use(express.urlencoded({ extended: false }));
	widget.all('/', (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'POST') return next();
		const token = String(req.query.session_token || '');
		const s = find(token);
		if (!s || s.deleted)
			return res
				.status(404)
				.type('html')
				.send(page('Identomat sandbox', '<p>Unknown session.</p>'));
		if (expired(s))
			return res
				.status(410)
				.type('html')
				.send(page('Identomat sandbox', '<p>This session has expired.</p>'));
		s.openedAt = s.openedAt || now();
		if (s.status === 'created') s.status = 'opened';
		const outcome = req.method === 'POST' ? req.body?.outcome : req.query.complete;
		if (!outcome) {
			const steps = s.steps.map((st) => `<li>${esc(st.type)} (${esc(st.key)})</li>`).join('');
			const buttons = OUTCOMES.map(
				(o) => `<button name="outcome" value="${o}">${esc(o)}</button>`,
			).join(' ');
			return res
				.type('html')
				.send(
					page(
						'Identomat sandbox widget',
						`<ul>${steps}</ul><form method="post">${buttons}</form>`,
					),
				);
		}
		try {
			complete(s, String(outcome));
		} catch (e) {
			return res.status(400).type('text/plain').send(e.message);
		}
		const target = returnUrlFor(s);
		if (target) return res.redirect(302, target);
		// No return_url: iframe mode, the widget tells its parent window.
		res
			.type('html')
			.send(page('Done', '<script>window.parent.postMessage("DONE", "*");</script><p>Done.</p>'));
	});
	return widget;
}

module.exports = { hostedRouter, OUTCOMES };
