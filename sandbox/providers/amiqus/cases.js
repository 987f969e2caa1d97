'use strict';
// Cases (a client's records grouped for a decision; their items and reviews in caseItems.js) and the case status
// counts of GET /aggregates/case-status. No case webhook events are sent (the event emulator knows clients and records only).
const express = require('express');
const { unprocessable } = require('./errors');
const { expandOf, urlOf, listResponse, plainList, sortItems, getOr404 } = require('./helpers');
const { assignedTeamMemberIds, teamMember } = require('./assignees');
const { caseItemsRouter, itemsOf, serializeItem, addItems } = require('./caseItems');
const ser = require('./serialize');

const CASE_ID_BASE = 8722;
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
			? plainList(
					assignees.map((id) => teamMember(st, id)),
					url,
				)
			: assignees.length
				? assignees
				: null,
		created_at: ser.iso(c.created_at),
		updated_at: ser.iso(c.updated_at),
		archived_at: ser.iso(c.archived_at),
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

function casesRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const caseOf = (id) => getOr404(cases(st()), id, 'Case not found');
	// ?assigned_to= a team member id, or false for the unassigned.
	const assignedTo = (items, value) => {
		if (value == null) return items;
		const of = (c) => assignedTeamMemberIds(st(), 'case', c.id);
		return String(value) === 'false'
			? items.filter((c) => !of(c).length)
			: items.filter((c) => of(c).includes(Number(value)));
	};

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
		items = assignedTo(items, q.assigned_to);
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
		listResponse(ctx, req, res, items, (c) => serializeCase(ctx, c, expand, urlOf(ctx, req)));
	});

	r.post('/cases', (req, res) =>
		res.status(201).json(serializeCase(ctx, createCase(ctx, req.body))),
	);

	r.get('/cases/:id', (req, res) =>
		res.json(serializeCase(ctx, caseOf(req.params.id), expandOf(req), urlOf(ctx, req))),
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

	r.use(caseItemsRouter(ctx, caseOf));

	r.get('/aggregates/case-status', (req, res) => {
		const q = req.query;
		let items = [...cases(st()).values()];
		if (q.visibility)
			items = items.filter((c) => (q.visibility === 'archived') === Boolean(c.archived_at));
		items = assignedTo(items, q.assigned_to);
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
