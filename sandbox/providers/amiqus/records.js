'use strict';
// Records: create (steps or template), list, retrieve, update, expire, archive, PDF, steps, documents, reviews.
const express = require('express');
const { unprocessable, notFound } = require('./errors');
const { expandOf, listResponse, sortItems, getOr404 } = require('./helpers');
const { buildSteps, validateSteps } = require('./steps');
const { randomToken } = require('../../core/ids');
const { minimalPdf } = require('../../core/pdf');
const ser = require('./serialize');
const { checkStepAttachments } = require('./attachments');

function createRecord(ctx, body) {
	const st = ctx.state();
	const client = st.clients.get(Number(body.client));
	if (!client) throw unprocessable({ client: ['The selected client is invalid.'] });
	let steps = body.steps;
	let settings = body;
	if (body.template != null) {
		const t = st.templates.get(Number(body.template));
		if (!t) throw unprocessable({ template: ['The selected template is invalid.'] });
		steps = t.presets.steps;
		settings = { ...t.presets, ...body };
	}
	validateSteps(steps, null);
	checkStepAttachments(ctx, steps);
	const now = ctx.clock.now();
	const id = st.ids.next('record');
	const r = {
		id,
		client: client.id,
		email: client.email,
		name: { ...client.name },
		notification: settings.notification ?? 'email',
		message: settings.message ?? null,
		has_reminders: Boolean(settings.reminder),
		is_declaration_required: Boolean(settings.is_declaration_required),
		created_at: now,
		updated_at: now,
		expired_at: new Date(ctx.clock.nowMs() + ctx.config().recordExpiryDays * 86400000),
		archived_at: null,
		is_reviewed: false,
		performToken: randomToken(20),
		template: body.template ?? null,
	};
	r.steps = buildSteps(ctx, id, steps);
	st.records.set(id, r);
	st.performTokens.set(r.performToken, id);
	ctx.events.emit('record.created', { record: r });
	ctx.events.emit('client.record', { record: r });
	return r;
}

function recordsRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const rec = (id) => getOr404(st().records, id, 'Record not found');
	const out = (x, expand) => ctx.serializeRecord(x, expand);

	r.get('/records', (req, res) => {
		const q = req.query;
		let items = [...st().records.values()];
		if (q.status) items = items.filter((x) => ctx.lifecycle.computeStatus(x) === q.status);
		if (q.visibility)
			items = items.filter((x) => (q.visibility === 'archived') === Boolean(x.archived_at));
		if (q.client_visibility)
			items = items.filter((x) => {
				const c = st().clients.get(x.client);
				return (q.client_visibility === 'archived') === Boolean(c && c.archived_at);
			});
		if (q.created_by != null || q.creator != null)
			items = items.filter(() => Number(q.created_by ?? q.creator) === st().user.id);
		if (q.assignee != null)
			items =
				String(q.assignee) === 'false'
					? items.filter((x) => !(x.assignees || []).length)
					: items.filter((x) => (x.assignees || []).includes(Number(q.assignee)));
		const get = (x, k) => {
			if (k.startsWith('client.name.')) {
				const c = st().clients.get(x.client);
				return c ? String(c.name[k.slice(12)] || '').toLowerCase() : null;
			}
			return x[k] instanceof Date ? x[k].getTime() : x[k];
		};
		items = sortItems(items, q.sort_by, q.order_by, get);
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (x) => out(x, expand));
	});

	r.post('/records', (req, res) => {
		const body = {
			...req.body,
			steps: req.originalBody && req.originalBody.steps ? req.originalBody.steps : req.body.steps,
		};
		res.status(201).json(out(createRecord(ctx, body)));
	});
	r.get('/records/:id', (req, res) => res.json(out(rec(req.params.id), expandOf(req))));

	r.patch('/records/:id', (req, res) => {
		const x = rec(req.params.id);
		const b = req.body;
		if (typeof b.expired_at === 'string') {
			const t = new Date(b.expired_at).getTime();
			const max = ctx.clock.nowMs() + ctx.config().maxExpiryDays * 86400000;
			if (!(t <= max))
				throw unprocessable({
					expired_at: [
						`The expired_at must be a date within ${ctx.config().maxExpiryDays} days from now.`,
					],
				});
		}
		const wasReviewed = x.is_reviewed;
		ctx.lifecycle.mutate(x, () => {
			if ('is_archived' in b)
				x.archived_at = b.is_archived ? x.archived_at || ctx.clock.now() : null;
			if ('has_reminders' in b) x.has_reminders = b.has_reminders;
			if ('is_reviewed' in b) x.is_reviewed = b.is_reviewed;
			if (b.expired_at === true) x.expired_at = ctx.clock.now();
			else if (typeof b.expired_at === 'string') {
				x.expired_at = new Date(b.expired_at);
				if (!ctx.lifecycle.isExpired(x)) x.finishedEmitted = false;
			}
		});
		if ('is_reviewed' in b && b.is_reviewed !== wasReviewed)
			ctx.events.emit(b.is_reviewed ? 'record.reviewed' : 'record.unreviewed', { record: x });
		res.json(out(x));
	});

	r.post('/records/:id/expire', (req, res) => {
		const x = rec(req.params.id);
		ctx.lifecycle.expire(x);
		res.json(out(x));
	});
	// Deprecated on the live API; kept because old integrations still call it.
	r.post('/records/:id/archive', (req, res) => {
		const x = rec(req.params.id);
		ctx.lifecycle.mutate(x, () => {
			x.archived_at = x.archived_at || ctx.clock.now();
		});
		res.json(out(x));
	});

	r.get('/records/:id/download', (req, res) => {
		const x = rec(req.params.id);
		const c = st().clients.get(x.client);
		const pdf = minimalPdf([
			`Amiqus sandbox record ${x.id}`,
			`Client: ${c ? ser.name(c.name).full_name : x.client}`,
			`Status: ${ctx.lifecycle.computeStatus(x)}`,
		]);
		res.set('Content-Disposition', `attachment; filename="record-${x.id}.pdf"`);
		res.type('application/pdf').send(pdf);
	});

	r.get('/records/:id/steps', (req, res) => {
		const x = rec(req.params.id);
		const expand = expandOf(req);
		listResponse(ctx, req, res, x.steps, (id) => ser.step(st().steps.get(id), st(), expand));
	});

	r.get('/records/:id/documents', (req, res) => {
		const x = rec(req.params.id);
		const docs = x.steps
			.map((id) => st().steps.get(id))
			.filter((s) => s.document != null)
			.map((s) => ser.recordDocument(st().documents.get(s.document), st(), expandOf(req)));
		listResponse(ctx, req, res, docs);
	});

	const stepOf = (req) => {
		const x = rec(req.params.recordId);
		const s = st().steps.get(Number(req.params.stepId));
		if (!s || s.record !== x.id) throw notFound('Record step not found');
		return { x, s };
	};

	r.get('/records/:recordId/steps/:stepId/reviews', (req, res) => {
		const { s } = stepOf(req);
		const expand = expandOf(req);
		let items = [...st().reviews.values()].filter((v) => v.step === s.id);
		items = sortItems(items, req.query.sort_by, req.query.order_by, (v, k) => v[k].getTime());
		listResponse(ctx, req, res, items, (v) => ser.review(v, st(), expand));
	});

	r.post('/records/:recordId/steps/:stepId/reviews', (req, res) => {
		const { x, s } = stepOf(req);
		const b = req.body;
		if (b.status === 'rejected' && !b.message)
			throw unprocessable({ message: ['The message field is required when status is rejected.'] });
		if (!s.reviewable) throw unprocessable({ step: ['This step cannot be reviewed.'] });
		const prev = s.review != null ? st().reviews.get(s.review) : null;
		const now = ctx.clock.now();
		const v = {
			id: st().ids.next('review'),
			step: s.id,
			reviewed_by: st().user.id,
			status: b.status,
			from_status: prev ? prev.status : 'pending',
			message: b.message ?? null,
			created_at: now,
			updated_at: now,
		};
		st().reviews.set(v.id, v);
		ctx.lifecycle.mutate(x, () => {
			s.review = v.id;
		});
		res.status(201).json(ser.review(v, st(), expandOf(req)));
	});

	r.get('/checks/:id', (req, res) => {
		const c = getOr404(st().checks, req.params.id, 'Check not found');
		res.json(ser.check(c, st(), expandOf(req), (rid) => out(st().records.get(rid))));
	});

	return r;
}

module.exports = { recordsRouter, createRecord };
