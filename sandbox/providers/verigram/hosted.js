'use strict';
// Stand-in for the hosted flow page (vlink, https://web.verigram.kz/hf2/{flow_id}/): the person
// goes through the steps and is then sent back with a browser redirect to the flow's callback_url.
const express = require('express');
const { esc, page, sendPage } = require('../../core/html');

function hostedRouter({ flows, config }) {
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
	// The unfinished flow of the link, or null after answering that the link is not (or no longer) usable.
	const open = (req, res) => {
		flows.sweep();
		const flow = flows.find(req.params.flowId);
		if (!flow) {
			sendPage(res, 404, 'Not found', '<p>This link is not valid.</p>');
			return null;
		}
		if (flow.state === 'finished') {
			sendPage(res, 410, 'Finished', '<p>This verification has already ended.</p>');
			return null;
		}
		return flow;
	};

	r.get('/hf2/:flowId/', (req, res) => {
		const flow = open(req, res);
		if (!flow) return;
		res.type('html').send(
			page(
				'Verigram sandbox: identification',
				`<p>Person ${esc(flow.personId)}, locale ${esc(flow.locale)}.</p>
<form method="post"><button name="outcome" value="pass">Pass</button> <button name="outcome" value="fail">Fail</button> <button name="outcome" value="start">Start only</button></form>`,
			),
		);
	});

	r.post('/hf2/:flowId/', form, (req, res) => {
		const flow = open(req, res);
		if (!flow) return;
		const outcome = req.body?.outcome;
		if (outcome === 'start') {
			flow.state = 'in_progress';
			return res.type('html').send(page('In progress', '<p>The verification has started.</p>'));
		}
		if (outcome !== 'pass' && outcome !== 'fail')
			return sendPage(res, 400, 'Bad request', '<p>outcome must be pass, fail or start.</p>');
		flows.finish(flow, outcome, 'completed');
		res.redirect(302, callbackFor(flow));
	});
	return r;
}

module.exports = { hostedRouter };
