'use strict';
// The Flow API (verigram.md §4-§6): /flow, /flow/{id}, /flow/{id}/result, /resources/file,
// /resources/storage, /mockery/result and the legacy /resources/access-token.
const crypto = require('crypto');
const express = require('express');
const { apiErrorHandler } = require('../../core/errors');

function validateFlowBody(b) {
	if (!b || typeof b !== 'object' || Array.isArray(b)) return 'The body must be a JSON object';
	const missing = ['callback_url', 'person_id'].filter(
		(k) => typeof b[k] !== 'string' || !b[k].trim(),
	);
	if (missing.length) return `Required: ${missing.join(', ')}`;
	if (!/^https?:\/\/\S+$/i.test(b.callback_url)) return 'callback_url must be an http(s) URL';
	if (b.locale != null && typeof b.locale !== 'string') return 'locale must be a string';
	if (b.input_data != null && (typeof b.input_data !== 'object' || Array.isArray(b.input_data)))
		return 'input_data must be an object';
	if (b.template != null) {
		if (typeof b.template !== 'object' || Array.isArray(b.template))
			return 'template must be an object';
		const p = b.template.pipeline;
		if (p != null && (!Array.isArray(p) || p.some((s) => !s || typeof s.service_name !== 'string')))
			return 'template.pipeline must be an array of objects with service_name';
	}
	return null;
}

function apiRouter(ctx) {
	const { state, flows, auth } = ctx;
	const { fail } = ctx.errors;
	const api = express.Router();
	api.use((req, res, next) => {
		flows.sweep();
		next();
	});
	api.use(auth.authenticate);
	api.use(auth.limitTestKeys);
	api.use((req, res, next) =>
		req.is('multipart/form-data') ? next() : express.json({ limit: '5mb' })(req, res, next),
	);

	api.post('/flow', (req, res) => {
		const problem = validateFlowBody(req.body);
		if (problem) return fail(res, 422, 'validation_error', problem);
		const flow = flows.create(req.body);
		res.status(201).json({ flow_id: flow.id, vlink: flows.vlinkOf(flow) });
	});
	const findFlow = (req, res) => {
		const flow = flows.find(req.params.flowId);
		if (!flow) {
			fail(res, 404, 'not_found', 'Flow not found');
			return null;
		}
		return flow;
	};
	api.get('/flow/:flowId', (req, res) => {
		const f = findFlow(req, res);
		if (f) res.json(flows.detailOf(f));
	});
	api.get('/flow/:flowId/result', (req, res) => {
		const f = findFlow(req, res);
		if (f) res.json(flows.resultOf(f));
	});

	api.get('/resources/file', (req, res) => {
		const { label, flow_id: flowId } = req.query;
		if (typeof label !== 'string' || !label || typeof flowId !== 'string' || !flowId)
			return fail(res, 422, 'validation_error', 'label and flow_id are required');
		if (!state().flows.has(flowId)) return fail(res, 404, 'not_found', 'Flow not found');
		const file = state().files.get(`${flowId}:${label}`);
		if (!file) return fail(res, 404, 'file_not_found', `No file with label ${label} for this flow`);
		res
			.set('Content-Type', file.mime)
			.set('Content-Disposition', `attachment; filename="${file.name}"`)
			.send(file.content);
	});
	api.post(
		'/resources/storage',
		express.raw({ type: 'multipart/form-data', limit: '20mb' }),
		(req, res) => {
			const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] || '');
			const raw = Buffer.isBuffer(req.body) ? req.body.toString('latin1') : '';
			if (!m || !raw.includes(`--${m[1] || m[2]}`))
				return fail(res, 422, 'validation_error', 'A multipart/form-data body is required');
			if (!/name="upload_file"/.test(raw))
				return fail(res, 422, 'validation_error', 'upload_file is required');
			const id = crypto.randomUUID();
			state().uploads.set(id, { at: ctx.clock.nowMs() });
			res.status(201).json({ session_id: id });
		},
	);
	api.post('/mockery/result', (req, res) => {
		const b = req.body || {};
		if (typeof b.person_id !== 'string' || typeof b.service_name !== 'string')
			return fail(res, 422, 'validation_error', 'person_id and service_name are required');
		const list = state().mocks.get(b.person_id) || [];
		list.push({ ...b, person_id: undefined });
		state().mocks.set(
			b.person_id,
			list.map((x) => JSON.parse(JSON.stringify(x))),
		);
		res.status(201).json({ ok: true });
	});
	api.get('/resources/access-token', (req, res) => {
		if (typeof req.query.person_id !== 'string' || !req.query.person_id)
			return fail(res, 422, 'validation_error', 'person_id is required');
		res.json({
			access_token: crypto.randomBytes(16).toString('hex'),
			person_id: req.query.person_id,
		});
	});
	api.use((req, res) => fail(res, 404, 'not_found', `No route for ${req.method} ${req.path}`));
	api.use(apiErrorHandler({ provider: 'verigram', problem: ctx.problem, fail }));
	return api;
}

module.exports = { apiRouter };
