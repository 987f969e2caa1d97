'use strict';
// Cases (a client's records grouped for a decision), their items and reviews, and the case status
// counts of GET /aggregates/case-status. No case webhook events are sent (the event emulator knows clients and records only).
const express = require('express');
const { notFound, unprocessable } = require('./errors');
const { expandOf, listResponse, sortItems, getOr404 } = require('./helpers');
const { assignedTeamMemberIds, teamMember } = require('./assignees');
const ser = require('./serialize');

const CASE_ID_BASE = 8722;
const ITEM_ID_BASE = 577;
const REVIEW_ID_BASE = 2697;
const STATUSES = [
	'pending',
	'awaiting_response',
	'action_required',
	'reviewed_pending_decision',
	'approved',
	'rejected',
	'on_hold',
];

const cases = (st) => (st.cases ??= new Map());
const caseItems = (st) => (st.caseItems ??= new Map());
const caseReviews = (st) => (st.caseReviews ??= new Map());
const itemsOf = (st, caseId) =>
	[...caseItems(st).values()].filter((i) => i.case === caseId).sort((a, b) => a.id - b.id);
const reviewsOf = (st, caseId) =>
	[...caseReviews(st).values()].filter((v) => v.case === caseId).sort((a, b) => a.id - b.id);

function serializeItem(ctx, item, expand = []) {
	const record = ctx.state().records.get(item.record);
	return {
		object: 'case_item',
		id: item.id,
		entity:
			expand.includes('entity') && record
				? ctx.serializeRecord(record)
				: { id: item.record, type: 'record' },
		created_at: ser.iso(item.created_at),
		updated_at: ser.iso(item.updated_at),
	};
}

function serializeCase(ctx, c, expand = [], url = '') {
	const st = ctx.state();
	const assignees = assignedTeamMemberIds(st, 'case', c.id);
	const items = itemsOf(st, c.id);
	const client = st.clients.get(c.client);
	return {
		object: 'case',
		id: c.id,
		name: c.name,
		reference: c.reference ?? null,
		status: c.status,
		client: expand.includes('client') && client ? ser.client(client) : c.client,
		// An empty array would match both of the spec's array forms (oneOf): no items is null, expanded or not.
		items: !items.length
			? null
			: expand.includes('items')
				? items.map((i) => serializeItem(ctx, i))
				: items.map((i) => i.id),
		assignees: expand.includes('assignees')
			? {
					object: 'list',
					data: assignees.map((id) => teamMember(st, id)),
					total: assignees.length,
					count: assignees.length,
					limit: 100,
					has_more: false,
					url,
				}
			: assignees.length
				? assignees
				: null,
		created_at: ser.iso(c.created_at),
		updated_at: ser.iso(c.updated_at),
		archived_at: ser.iso(c.archived_at),
	};
}

function serializeReview(st, v, expand = []) {
	return {
		object: 'case_review',
		id: v.id,
		reviewed_by: expand.includes('reviewed_by') ? teamMember(st, v.reviewed_by) : v.reviewed_by,
		status: v.status,
		from_status: v.from_status,
		created_at: ser.iso(v.created_at),
		updated_at: ser.iso(v.updated_at),
	};
}

function createCase(ctx, body) {
	const st = ctx.state();
	if (!st.clients.has(body.client))
		throw unprocessable({ client: ['The selected client is invalid.'] });
	const now = ctx.clock.now();
	const c = {
		id: CASE_ID_BASE + st.ids.next('case'),
		name: body.name,
		reference: body.reference ?? null,
		status: ctx.config().caseDefaultStatus ?? 'pending',
		client: body.client,
		created_at: now,
		updated_at: now,
		archived_at: null,
	};
	cases(st).set(c.id, c);
	return c;
}

// An item is a record. The documentation does not say whether it may belong to another client than
// the case's: the sandbox refuses that unless `caseItemsFromAnyClient` is on.
function addItems(ctx, c, body) {
	const st = ctx.state();
	const errors = {};
	body.forEach((entry, i) => {
		const record = st.records.get(entry.id);
		if (!record) errors[`${i}.id`] = ['The selected record is invalid.'];
		else if (record.client !== c.client && !ctx.config().caseItemsFromAnyClient)
			errors[`${i}.id`] = ['The record belongs to another client than the case.'];
	});
	if (Object.keys(errors).length) throw unprocessable(errors);
	const present = itemsOf(st, c.id).map((i) => i.record);
	const now = ctx.clock.now();
	const added = [];
	for (const entry of body) {
		if (present.includes(entry.id)) continue;
		present.push(entry.id);
		const item = {
			id: ITEM_ID_BASE + st.ids.next('caseItem'),
			case: c.id,
			record: entry.id,
			created_at: now,
			updated_at: now,
		};
		caseItems(st).set(item.id, item);
		added.push(item);
	}
	if (added.length) c.updated_at = now;
	return added;
}

function casesRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const caseOf = (id) => getOr404(cases(st()), id, 'Case not found');
	const urlOf = (req) => `${ctx.getUrl()}${req.originalUrl.split('?')[0]}`;

	r.get('/cases', (req, res) => {
		const q = req.query;
		let items = [...cases(st()).values()];
		const statuses =
			q.status == null ? [] : Array.isArray(q.status) ? q.status : String(q.status).split(',');
		if (statuses.length) items = items.filter((c) => statuses.includes(c.status));
		if (q.visibility)
			items = items.filter((c) => (q.visibility === 'archived') === Boolean(c.archived_at));
		if (q.client != null) items = items.filter((c) => c.client === Number(q.client));
		if (q.client_visibility)
			items = items.filter(
				(c) =>
					(q.client_visibility === 'archived') === Boolean(st().clients.get(c.client)?.archived_at),
			);
		if (q.reference)
			items = items.filter(
				(c) => c.reference && c.reference.toLowerCase() === String(q.reference).toLowerCase(),
			);
		if (q.created_by != null) items = items.filter((c) => Number(q.created_by) === st().user.id);
		if (q.assigned_to != null) {
			items =
				String(q.assigned_to) === 'false'
					? items.filter((c) => !assignedTeamMemberIds(st(), 'case', c.id).length)
					: items.filter((c) =>
							assignedTeamMemberIds(st(), 'case', c.id).includes(Number(q.assigned_to)),
						);
		}
		if (q.search) {
			const s = String(q.search).toLowerCase();
			items = items.filter((c) => {
				const n = st().clients.get(c.client)?.name ?? {};
				return [c.name, n.first_name, n.middle_name, n.last_name].some(
					(v) => v && String(v).toLowerCase().includes(s),
				);
			});
		}
		const sortKey = (c, k) => {
			if (k.startsWith('client.name.'))
				return String(st().clients.get(c.client)?.name?.[k.slice(12)] ?? '').toLowerCase();
			return c[k] instanceof Date
				? c[k].getTime()
				: typeof c[k] === 'string'
					? c[k].toLowerCase()
					: c[k];
		};
		items = sortItems(items, q.sort_by, q.order_by, sortKey);
		const expand = expandOf(req);
		listResponse(
			ctx,
			req,
			res,
			items.map((c) => serializeCase(ctx, c, expand, urlOf(req))),
		);
	});

	r.post('/cases', (req, res) =>
		res.status(201).json(serializeCase(ctx, createCase(ctx, req.body))),
	);

	r.get('/cases/:id', (req, res) =>
		res.json(serializeCase(ctx, caseOf(req.params.id), expandOf(req), urlOf(req))),
	);

	r.patch('/cases/:id', (req, res) => {
		const c = caseOf(req.params.id);
		const b = req.body;
		if ('name' in b) c.name = b.name;
		if ('reference' in b) c.reference = b.reference;
		if ('is_archived' in b)
			c.archived_at = b.is_archived ? (c.archived_at ?? ctx.clock.now()) : null;
		c.updated_at = ctx.clock.now();
		res.json(serializeCase(ctx, c));
	});

	r.get('/cases/:id/items', (req, res) => {
		const c = caseOf(req.params.id);
		const expand = expandOf(req);
		listResponse(
			ctx,
			req,
			res,
			itemsOf(st(), c.id).map((i) => serializeItem(ctx, i, expand)),
		);
	});

	r.patch('/cases/:id/items', (req, res) => {
		const c = caseOf(req.params.id);
		const added = addItems(ctx, c, req.body);
		if (!added.length) return res.status(204).end();
		const data = added.map((i) => serializeItem(ctx, i));
		res.status(201).json({
			object: 'list',
			data,
			total: data.length,
			count: data.length,
			limit: 100,
			has_more: false,
			url: urlOf(req),
		});
	});

	r.delete('/cases/:caseId/items/:itemId', (req, res) => {
		const c = caseOf(req.params.caseId);
		const item = caseItems(st()).get(Number(req.params.itemId));
		if (!item || item.case !== c.id) throw notFound('Case item not found');
		caseItems(st()).delete(item.id);
		res.status(204).end();
	});

	r.get('/cases/:id/reviews', (req, res) => {
		const c = caseOf(req.params.id);
		const expand = expandOf(req);
		listResponse(
			ctx,
			req,
			res,
			reviewsOf(st(), c.id).map((v) => serializeReview(st(), v, expand)),
		);
	});

	r.post('/cases/:id/reviews', (req, res) => {
		const c = caseOf(req.params.id);
		const now = ctx.clock.now();
		const v = {
			id: REVIEW_ID_BASE + st().ids.next('caseReview'),
			case: c.id,
			reviewed_by: st().user.id,
			status: req.body.status,
			from_status: c.status,
			created_at: now,
			updated_at: now,
		};
		caseReviews(st()).set(v.id, v);
		c.status = v.status;
		c.updated_at = now;
		res.status(201).json(serializeReview(st(), v));
	});

	r.get('/aggregates/case-status', (req, res) => {
		const q = req.query;
		let items = [...cases(st()).values()];
		if (q.visibility)
			items = items.filter((c) => (q.visibility === 'archived') === Boolean(c.archived_at));
		if (q.assigned_to != null) {
			items =
				String(q.assigned_to) === 'false'
					? items.filter((c) => !assignedTeamMemberIds(st(), 'case', c.id).length)
					: items.filter((c) =>
							assignedTeamMemberIds(st(), 'case', c.id).includes(Number(q.assigned_to)),
						);
		}
		if (q.start_date) items = items.filter((c) => c.updated_at >= new Date(q.start_date));
		if (q.end_date) items = items.filter((c) => c.updated_at <= new Date(q.end_date));
		const aggregates = STATUSES.map((status) => ({
			status,
			count: items.filter((c) => c.status === status).length,
		}));
		res.json({ object: 'case_status_aggregate', aggregates });
	});

	return r;
}

module.exports = { casesRouter, createCase, serializeCase, addItems, CASE_STATUSES: STATUSES };
