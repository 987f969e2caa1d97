'use strict';
// Stand-in for the hosted web app (startUrl, /idv/welcome.html?tc={sessionId}): consent, capture,
// then a browser redirect to the instance redirect URL (nevis.md §1).
const express = require('express');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

function hostedRouter({ find, expired, finish, config }) {
	const r = express.Router();
	const form = express.urlencoded({ extended: false });
	const redirectFor = (s) => {
		const u = new URL(config().redirectUrl);
		if (config().redirectSessionParam) u.searchParams.set(config().redirectSessionParam, s.id);
		return u.toString();
	};
	r.get('/idv/welcome.html', (req, res) => {
		const s = find(String(req.query.tc || ''));
		if (!s || expired(s))
			return res
				.status(404)
				.type('html')
				.send(page('Session not found', '<p>This link is not valid or has expired.</p>'));
		if (s.status === 'verified' || s.status === 'failed')
			return res
				.status(410)
				.type('html')
				.send(page('Finished', '<p>This verification has ended.</p>'));
		res.type('html').send(
			page(
				'Nevis sandbox: identity verification',
				`<form method="post" action="welcome.html?tc=${esc(s.id)}">
<button name="outcome" value="verified">Verify</button> <button name="outcome" value="failed">Fail</button> <button name="outcome" value="start">Give consent only</button> <button name="outcome" value="leave">Leave</button></form>`,
			),
		);
	});
	r.post('/idv/welcome.html', form, (req, res) => {
		const s = find(String(req.query.tc || ''));
		if (!s || expired(s))
			return res
				.status(404)
				.type('html')
				.send(page('Session not found', '<p>This link is not valid or has expired.</p>'));
		if (s.status === 'verified' || s.status === 'failed')
			return res
				.status(410)
				.type('html')
				.send(page('Finished', '<p>This verification has ended.</p>'));
		const outcome = req.body?.outcome;
		// Leaving without starting keeps the session pending and does not redirect (nevis.md §1).
		if (outcome === 'leave')
			return res.type('html').send(page('Goodbye', '<p>You left the verification.</p>'));
		if (outcome === 'start') {
			s.status = 'in_progress';
			return res.type('html').send(page('In progress', '<p>Continue on your phone.</p>'));
		}
		if (outcome !== 'verified' && outcome !== 'failed')
			return res.status(400).type('html').send(page('Bad request', '<p>Unknown outcome.</p>'));
		s.status = 'in_progress';
		finish(s, outcome);
		if (!config().redirectUrl)
			return res
				.type('html')
				.send(page('Done', '<p>No redirect URL is configured for this instance.</p>'));
		res.redirect(302, redirectFor(s));
	});
	return r;
}

module.exports = { hostedRouter };
