'use strict';
// Library templates. Record templates feed POST /records {client, template}.
const express = require('express');
const { listResponse } = require('./helpers');
const ser = require('./serialize');

function createRecordTemplate(ctx, { name = 'Sandbox template', description = null, steps, notification = 'email', message = null, reminder = false, is_declaration_required = false, is_enabled = true, presets } = {}) {
	const st = ctx.state();
	const now = ctx.clock.now();
	const t = {
		id: st.ids.next('template'), name, description, is_enabled,
		presets: presets || { steps: steps || [{ type: 'check.dummy', preferences: { state: 'accepted' } }], notification, message, reminder, is_declaration_required },
		created_at: now, updated_at: now,
	};
	st.templates.set(t.id, t);
	return t;
}

function templatesRouter(ctx) {
	const r = express.Router();
	r.get('/templates/records', (req, res) => {
		let items = [...ctx.state().templates.values()].sort((a, b) => a.id - b.id);
		if (req.query.enabled != null) items = items.filter((t) => t.is_enabled === (String(req.query.enabled) === 'true'));
		listResponse(ctx, req, res, items.map(ser.template));
	});
	// Empty libraries: the sandbox has no email or document templates unless a test adds them.
	r.get('/templates/emails', (req, res) => listResponse(ctx, req, res, []));
	r.get('/templates/documents', (req, res) => listResponse(ctx, req, res, []));
	return r;
}

module.exports = { templatesRouter, createRecordTemplate };
