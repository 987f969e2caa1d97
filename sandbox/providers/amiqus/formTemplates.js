'use strict';
// Form templates (GET/POST /form-templates, GET/PATCH/DELETE /form-templates/{reference}) and the
// team's email templates (seeded; GET /templates/emails is in templates.js). The OpenAPI validator
// checks the bodies; what it cannot say (the first field must be a section) is checked here.
const express = require('express');
const { notFound, unprocessable } = require('./errors');
const { listResponse } = require('./helpers');
const { uuid } = require('../../core/ids');
const ser = require('./serialize');

const formTemplatesOf = (ctx) =>
	ctx.state().formTemplates || (ctx.state().formTemplates = new Map());
const emailTemplatesOf = (ctx) => ctx.state().emailTemplates || (ctx.state().emailTemplates = []);

/** `enabled=true|false` as the template lists filter it. */
function byEnabled(req, items) {
	if (req.query.enabled == null) return items;
	const wanted = String(req.query.enabled) === 'true';
	return items.filter((t) => t.is_enabled === wanted);
}

function checkFields(fields) {
	// Documented on FormTemplate.fields: "The first field must always be a Section."
	if (fields && fields[0] && fields[0].type !== 'section')
		throw unprocessable({ 'fields.0.type': ['The first field must be a section.'] });
}

function serializeForm(t) {
	return {
		...t,
		created_at: ser.iso(t.created_at),
		updated_at: ser.iso(t.updated_at),
		archived_at: null,
	};
}

function createFormTemplate(ctx, b) {
	const st = ctx.state();
	const now = ctx.clock.now();
	const t = {
		object: 'form_template',
		id: st.ids.next('formTemplate'),
		reference: uuid(),
		name: b.name,
		description: b.description ?? null,
		instructions: b.instructions ?? null,
		fields: b.fields,
		version: 1,
		is_enabled: b.is_enabled ?? true,
		created_at: now,
		updated_at: now,
	};
	formTemplatesOf(ctx).set(t.reference, t);
	return t;
}

/** An email template of the team's library (seed): { name, description, content, is_enabled }. */
function addEmailTemplate(ctx, b = {}) {
	const st = ctx.state();
	const now = ctx.clock.now();
	const t = {
		object: 'email_template',
		id: st.ids.next('emailTemplate'),
		name: b.name ?? 'Welcome',
		description: b.description ?? 'Sent with a new request',
		content: b.content ?? 'Please complete the checks we have sent you.',
		is_enabled: b.is_enabled ?? true,
		created_at: ser.iso(now),
		updated_at: ser.iso(now),
	};
	emailTemplatesOf(ctx).push(t);
	return t;
}

function formTemplatesRouter(ctx) {
	const r = express.Router();
	const form = (reference) => {
		const t = formTemplatesOf(ctx).get(String(reference).toLowerCase());
		if (!t) throw notFound('Form template not found');
		return t;
	};
	r.get('/form-templates', (req, res) => {
		const items = [...formTemplatesOf(ctx).values()].sort((a, b) => a.id - b.id);
		listResponse(ctx, req, res, byEnabled(req, items).map(serializeForm));
	});
	r.post('/form-templates', (req, res) => {
		checkFields(req.body.fields);
		res.status(201).json(serializeForm(createFormTemplate(ctx, req.body)));
	});
	r.get('/form-templates/:reference', (req, res) =>
		res.json(serializeForm(form(req.params.reference))),
	);
	r.patch('/form-templates/:reference', (req, res) => {
		const t = form(req.params.reference);
		checkFields(req.body.fields);
		for (const key of ['name', 'description', 'instructions', 'fields', 'is_enabled'])
			if (key in req.body) t[key] = req.body[key];
		if ('fields' in req.body || 'instructions' in req.body) t.version += 1;
		t.updated_at = ctx.clock.now();
		res.json(serializeForm(t));
	});
	r.delete('/form-templates/:reference', (req, res) => {
		const t = form(req.params.reference);
		formTemplatesOf(ctx).delete(t.reference);
		res.status(204).end();
	});
	return r;
}

module.exports = {
	formTemplatesRouter,
	createFormTemplate,
	addEmailTemplate,
	emailTemplatesOf,
	byEnabled,
	serializeForm,
};
