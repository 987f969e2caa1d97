'use strict';
// Stand-in for the Identomat widget: GET /?session_token=... opens the session; ?complete=<outcome>
// (or the form) finishes it, then the browser goes to return_url (or, without one, the widget tells
// its parent window, as in iframe mode).
const express = require('express');
const { esc, page, sendPage } = require('../../core/html');
const { OUTCOMES } = require('./sessions');

function hostedRouter({ sessions }) {
	const widget = express.Router();
	widget.use(express.urlencoded({ extended: false }));
	widget.all('/', (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'POST') return next();
		const s = sessions.find(String(req.query.session_token || ''));
		if (!s || s.deleted) return sendPage(res, 404, 'Identomat sandbox', '<p>Unknown session.</p>');
		if (sessions.expired(s))
			return sendPage(res, 410, 'Identomat sandbox', '<p>This session has expired.</p>');
		sessions.open(s);
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
			sessions.complete(s, String(outcome));
		} catch (e) {
			return res.status(400).type('text/plain').send(e.message);
		}
		const target = sessions.returnUrlFor(s);
		if (target) return res.redirect(302, target);
		// No return_url: iframe mode, the widget tells its parent window.
		res
			.type('html')
			.send(page('Done', '<script>window.parent.postMessage("DONE", "*");</script><p>Done.</p>'));
	});
	return widget;
}

module.exports = { hostedRouter };
