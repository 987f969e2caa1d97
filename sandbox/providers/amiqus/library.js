'use strict';
// The team's document library (GET /documents) and the step catalogue (GET /steps, POST /steps).
const express = require('express');
const { unprocessable } = require('./errors');
const { expandOf, listResponse } = require('./helpers');
const { stepTypes, loadSpec } = require('./openapi');
const { validateSteps, COSTS } = require('./steps');
const { checkStepAttachments } = require('./attachments');
const ser = require('./serialize');

const iso = ser.iso;

function createLibraryDocument(
	ctx,
	{ name = 'Terms of business', description = null, enabled = true, attachment = null } = {},
) {
	const st = ctx.state();
	st.libraryDocuments = st.libraryDocuments || new Map();
	const now = ctx.clock.now();
	const d = {
		id: st.ids.next('document'),
		name,
		description,
		is_enabled: enabled,
		attachment,
		created_at: now,
		updated_at: now,
	};
	st.libraryDocuments.set(d.id, d);
	return d;
}

function libraryDocument(d, st, expand = []) {
	const a = d.attachment != null ? st.attachments.get(d.attachment) : null;
	return {
		object: 'document',
		id: d.id,
		name: d.name,
		description: d.description,
		is_enabled: d.is_enabled,
		attachment: a ? (expand.includes('attachment') ? ser.attachment(a) : a.id) : null,
		created_at: iso(d.created_at),
		updated_at: iso(d.updated_at),
	};
}

function libraryRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const known = stepTypes(loadSpec('/'));

	r.get('/documents', (req, res) => {
		let items = [...(st().libraryDocuments || new Map()).values()].sort((a, b) => a.id - b.id);
		if (req.query.enabled != null)
			items = items.filter((d) => d.is_enabled === (String(req.query.enabled) === 'true'));
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (d) => libraryDocument(d, st(), expand));
	});

	// "List all steps available for use": every step type with what it costs the team.
	r.get('/steps', (req, res) => {
		listResponse(ctx, req, res, known, (type) => ({
			object: 'available_step',
			type,
			costs: [COSTS[type] ?? 0],
		}));
	});

	// "Validate steps and return costs": nothing is created.
	r.post('/steps', (req, res) => {
		const steps =
			req.originalBody && Array.isArray(req.originalBody.steps)
				? req.originalBody.steps
				: req.body.steps;
		if (!Array.isArray(steps) || !steps.length)
			throw unprocessable({ steps: ['The steps field is required.'] });
		validateSteps(steps, known);
		checkStepAttachments(ctx, steps);
		res.json({
			object: 'validated_steps',
			steps: steps.map((s) => ({
				object: 'validated_step',
				type: s.type,
				cost: COSTS[s.type] ?? 0,
			})),
		});
	});

	return r;
}

module.exports = { libraryRouter, createLibraryDocument };
