'use strict';
// Library templates. Record templates feed POST /records {client, template}.
const express = require('express');
const { listResponse } = require('./helpers');
const ser = require('./serialize');
const { byEnabled, emailTemplatesOf } = require('./formTemplates');

function createRecordTemplate(
	ctx,
	{
		name = 'Sandbox template',
		description = null,
		steps,
		notification = 'email',
		message = null,
		reminder = false,
		is_declaration_required = false,
		is_enabled = true,
		presets,
	} = {},
) {
	const st = ctx.state();
	const now = ctx.clock.now();
	const t = {
		id: st.ids.next('template'),
		name,
		description,
		is_enabled,
		presets: presets || {
			steps: steps || [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
			notification,
			message,
			reminder,
			is_declaration_required,
		},
		created_at: now,
		updated_at: now,
	};
	st.templates.set(t.id, t);
	return t;
}

// The team's document template library (GET /templates/documents). A document.request step that
// names a template takes its title and instructions from here; an unknown id is refused.
const DOCUMENT_TEMPLATES = [
	{
		object: 'document_template',
		id: 15478,
		name: 'Utility bill',
		description: 'Bill dated within three months',
		content:
			'Please upload a utility bill showing your name and current address dated within the last three months.',
		is_enabled: true,
		created_at: '2022-08-27T13:03:54Z',
		updated_at: '2022-08-27T13:03:54Z',
	},
	{
		object: 'document_template',
		id: 15479,
		name: 'Bank statement',
		description: 'Statement dated within three months',
		content: 'Please upload a bank statement dated within the last three months.',
		is_enabled: true,
		created_at: '2022-08-27T13:03:54Z',
		updated_at: '2022-08-27T13:03:54Z',
	},
];

function documentTemplate(id) {
	return DOCUMENT_TEMPLATES.find((t) => t.id === Number(id));
}

function templatesRouter(ctx) {
	const r = express.Router();
	r.get('/templates/records', (req, res) => {
		let items = [...ctx.state().templates.values()].sort((a, b) => a.id - b.id);
		if (req.query.enabled != null)
			items = items.filter((t) => t.is_enabled === (String(req.query.enabled) === 'true'));
		listResponse(ctx, req, res, items.map(ser.template));
	});
	// Email templates: none until a test seeds some (sb.amiqus.seed.emailTemplate).
	r.get('/templates/emails', (req, res) =>
		listResponse(ctx, req, res, byEnabled(req, emailTemplatesOf(ctx))),
	);
	r.get('/templates/documents', (req, res) =>
		listResponse(ctx, req, res, byEnabled(req, DOCUMENT_TEMPLATES)),
	);
	return r;
}

module.exports = { templatesRouter, createRecordTemplate, documentTemplate, DOCUMENT_TEMPLATES };
