'use strict';
// Stand-in for the hosted web app (startUrl, /idv/welcome.html?tc={sessionId}): consent, capture,
// then a browser redirect to the instance redirect URL (nevis.md §1).
const express = require('express');
const { esc, page, sendPage } = require('../../core/html');

function hostedRouter({ sessions, config }) {
	const r = express.Router();
	const form = express.urlencoded({ extended: false });
	const redirectFor = (s) => {
		const u = new URL(config().redirectUrl);
		if (config().redirectSessionParam) u.searchParams.set(config().redirectSessionParam, s.id);
		return u.toString();
	};
	// The session of ?tc=, or null after answering that the link is not (or no longer) usable.
	const open = (req, res) => {
		const s = sessions.find(String(req.query.tc || ''));
		if (!s || sessions.expired(s)) {
			sendPage(res, 404, 'Session not found', '<p>This link is not valid or has expired.</p>');
			return null;
		}
		if (sessions.FINISHED.includes(s.status)) {
			sendPage(res, 410, 'Finished', '<p>This verification has ended.</p>');
			return null;
		}
		return s;
	};
	r.get('/idv/welcome.html', (req, res) => {
		const s = open(req, res);
		if (!s) return;
		res.type('html').send(
			page(
				'Nevis sandbox: identity verification',
				`<form method="post" action="welcome.html?tc=${esc(s.id)}">
<button name="outcome" value="verified">Verify</button> <button name="outcome" value="failed">Fail</button> <button name="outcome" value="start">Give consent only</button> <button name="outcome" value="leave">Leave</button></form>`,
			),
		);
	});
	r.post('/idv/welcome.html', form, (req, res) => {
		const s = open(req, res);
		if (!s) return;
		const outcome = req.body?.outcome;
		// Leaving without starting keeps the session pending and does not redirect (nevis.md §1).
		if (outcome === 'leave')
			return res.type('html').send(page('Goodbye', '<p>You left the verification.</p>'));
		if (outcome === 'start') {
			s.status = 'in_progress';
			return res.type('html').send(page('In progress', '<p>Continue on your phone.</p>'));
		}
		if (!sessions.FINISHED.includes(outcome))
			return sendPage(res, 400, 'Bad request', '<p>Unknown outcome.</p>');
		s.status = 'in_progress';
		sessions.finish(s, outcome);
		if (!config().redirectUrl)
			return res
				.type('html')
				.send(page('Done', '<p>No redirect URL is configured for this instance.</p>'));
		res.redirect(302, redirectFor(s));
	});
	return r;
}

module.exports = { hostedRouter };
