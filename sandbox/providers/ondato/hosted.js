'use strict';
// Stand-in for the hosted end-user flow https://idv.ondato.com/?id={idvId}: consent, document
// capture (KYC processed), then approval or rejection; each step emits the documented webhooks.
const express = require('express');
const { UUID } = require('./validate');

const { esc, page, sendPage } = require('../../core/html');
const ACTIONS = ['consent', 'process', 'approve', 'reject', 'expire', 'abort'];

function hostedRouter({ state, model }) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));
	// The session of ?id=, or null after answering that the link is not valid.
	const find = (req, res) => {
		const id = req.query.id;
		const idv =
			typeof id === 'string' && UUID.test(id) ? state().idvs.get(id.toLowerCase()) : undefined;
		if (!idv) sendPage(res, 404, 'Ondato sandbox', '<p>This verification link is not valid.</p>');
		return idv;
	};

	r.get('/', (req, res) => {
		const idv = find(req, res);
		if (!idv) return;
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
		const idv = find(req, res);
		if (!idv) return;
		const action = req.body?.action;
		if (!ACTIONS.includes(action))
			return sendPage(
				res,
				400,
				'Ondato sandbox',
				`<p>Unknown action. Use one of ${ACTIONS.join(', ')}.</p>`,
			);
		try {
			if (action === 'consent') model.consent(idv);
			else if (action === 'process') model.processKyc(idv);
			else if (action === 'approve') model.decide(idv, 'approved');
			else if (action === 'reject') model.decide(idv, 'rejected');
			else if (action === 'expire') model.expire(idv);
			else model.abort(idv);
		} catch (e) {
			return sendPage(res, e.status || 400, 'Ondato sandbox', `<p>${esc(e.message)}</p>`);
		}
		res.redirect(303, `?id=${idv.id}`);
	});
	return r;
}

module.exports = { hostedRouter };
