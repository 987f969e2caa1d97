'use strict';
// Stand-in for the hosted end-user flow https://idv.ondato.com/?id={idvId}: consent, document
// capture (KYC processed), then approval or rejection; each step emits the documented webhooks.
const express = require('express');
const { UUID } = require('./api');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
const ACTIONS = ['consent', 'process', 'approve', 'reject', 'expire', 'abort'];

function hostedRouter({ state, model }) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));
	const find = (id) =>
		typeof id === 'string' && UUID.test(id) ? state().idvs.get(id.toLowerCase()) : undefined;

	r.get('/', (req, res) => {
		const idv = find(req.query.id);
		if (!idv)
			return res
				.status(404)
				.type('html')
				.send(page('Ondato sandbox', '<p>This verification link is not valid.</p>'));
		const kyc = model.kycOf(idv);
		const buttons = ['Pending', 'InProgress'].includes(idv.status)
			? `<form method="post" action="?id=${esc(idv.id)}">${ACTIONS.map((a) => `<button name="action" value="${a}">${a}</button>`).join(' ')}</form>`
			: '<p>This verification is finished.</p>';
		res
			.type('html')
			.send(
				page(
					'Ondato sandbox: identity verification',
					`<p>Session <code>${esc(idv.id)}</code>: <b>${esc(idv.status)}</b>${kyc ? `, KYC <b>${esc(kyc.status)}</b> (${esc(kyc.statusReason)})` : ''}</p>${buttons}`,
				),
			);
	});

	r.post('/', (req, res) => {
		const idv = find(req.query.id);
		if (!idv)
			return res
				.status(404)
				.type('html')
				.send(page('Ondato sandbox', '<p>This verification link is not valid.</p>'));
		const action = req.body?.action;
		if (!ACTIONS.includes(action))
			return res
				.status(400)
				.type('html')
				.send(page('Ondato sandbox', `<p>Unknown action. Use one of ${ACTIONS.join(', ')}.</p>`));
		try {
			if (action === 'consent') model.consent(idv);
			else if (action === 'process') model.processKyc(idv);
			else if (action === 'approve') model.decide(idv, 'approved');
			else if (action === 'reject') model.decide(idv, 'rejected');
			else if (action === 'expire') model.expire(idv);
			else model.abort(idv);
		} catch (e) {
			return res
				.status(e.status || 400)
				.type('html')
				.send(page('Ondato sandbox', `<p>${esc(e.message)}</p>`));
		}
		res.redirect(303, `?id=${idv.id}`);
	});
	return r;
}

module.exports = { hostedRouter };
