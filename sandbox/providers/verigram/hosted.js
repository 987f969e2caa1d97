'use strict';
// Stand-in for the hosted flow page (vlink, https://web.verigram.kz/hf2/{flow_id}/): the person
// goes through the steps and is then sent back with a browser redirect to the flow's callback_url.
const express = require('express');

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

function hostedRouter({ find, finish, sweep, config }) {
	const r = express.Router();
	const form = express.urlencoded({ extended: false });

	// Where the browser goes at the end: callback_url, plus the flow id if the sandbox is set to append it (UNCONFIRMED).
	const callbackFor = (flow) => {
		const param = config().callbackFlowIdParam;
		if (!param) return flow.callbackUrl;
		const u = new URL(flow.callbackUrl);
		u.searchParams.set(param, flow.id);
		return u.toString();
	};

	r.get('/hf2/:flowId/', (req, res) => {
		sweep();
		const flow = find(req.params.flowId);
		if (!flow)
			return res.status(404).type('html').send(page('Not found', '<p>This link is not valid.</p>'));
		if (flow.state === 'finished')
			return res
				.status(410)
				.type('html')
				.send(page('Finished', '<p>This verification has already ended.</p>'));
		res.type('html').send(
			page(
				'Verigram sandbox: identification',
				`<p>Person ${esc(flow.personId)}, locale ${esc(flow.locale)}.</p>
<form method="post"><button name="outcome" value="pass">Pass</button> <button name="outcome" value="fail">Fail</button> <button name="outcome" value="start">Start only</button></form>`,
			),
		);
	});

	r.post('/hf2/:flowId/', form, (req, res) => {
		sweep();
		const flow = find(req.params.flowId);
		if (!flow)
			return res.status(404).type('html').send(page('Not found', '<p>This link is not valid.</p>'));
		if (flow.state === 'finished')
			return res
				.status(410)
				.type('html')
				.send(page('Finished', '<p>This verification has already ended.</p>'));
		const outcome = req.body?.outcome;
		if (outcome === 'start') {
			flow.state = 'in_progress';
			return res.type('html').send(page('In progress', '<p>The verification has started.</p>'));
		}
		if (outcome !== 'pass' && outcome !== 'fail')
			return res
				.status(400)
				.type('html')
				.send(page('Bad request', '<p>outcome must be pass, fail or start.</p>'));
		finish(flow, outcome, 'completed');
		res.redirect(302, callbackFor(flow));
	});
	return r;
}

module.exports = { hostedRouter };
