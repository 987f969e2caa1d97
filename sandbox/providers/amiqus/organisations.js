'use strict';
// Organisations (business verification) and the organisations of a client (memberships).
const express = require('express');
const { notFound, unprocessable } = require('./errors');
const {
	expandOf,
	urlOf,
	listResponse,
	plainList,
	addedResponse,
	sortItems,
	getOr404,
} = require('./helpers');
const { assignedTeamMemberIds, teamMember } = require('./assignees');
const ser = require('./serialize');

const ORGANISATION_ID_BASE = 3969;
const FIELDS = ['status', 'name', 'company_number', 'jurisdiction', 'reference', 'incorporated_at'];
const organisations = (st) => (st.organisations ??= new Map());
// client id -> Set of organisation ids
const memberships = (st) => (st.memberships ??= new Map());
const organisationIdsOf = (st, clientId) =>
	[...(memberships(st).get(clientId) ?? [])].sort((a, b) => a - b);
const clientIdsOf = (st, organisationId) =>
	[...memberships(st).entries()]
		.filter(([, orgs]) => orgs.has(organisationId))
		.map(([clientId]) => clientId);

function serialize(ctx, req, o, expand = []) {
	const st = ctx.state();
	const assignees = assignedTeamMemberIds(st, 'organisation', o.id);
	const clients = clientIdsOf(st, o.id).sort((a, b) => a - b);
	const relation = (name, ids, expanded) =>
		expand.includes(name) ? plainList(ids.map(expanded), urlOf(ctx, req)) : ids.length ? ids : null;
	return {
		object: 'organisation',
		id: o.id,
		status: o.status,
		name: o.name,
		company_number: o.company_number ?? null,
		jurisdiction: o.jurisdiction ?? null,
		reference: o.reference ?? null,
		address: ser.address(o.address),
		incorporated_at: o.incorporated_at ?? null,
		assignees: relation('assignees', assignees, (id) => teamMember(st, id)),
		clients: relation('clients', clients, (id) => ser.client(st.clients.get(id))),
		created_at: ser.iso(o.created_at),
		updated_at: ser.iso(o.updated_at),
		archived_at: ser.iso(o.archived_at),
	};
}

// Amiqus documents `jurisdiction` as required with `company_number`.
function checkCompany(o) {
	if (o.company_number && !o.jurisdiction)
		throw unprocessable({
			jurisdiction: ['The jurisdiction field is required when company number is present.'],
		});
}

function createOrganisation(ctx, body) {
	const st = ctx.state();
	const now = ctx.clock.now();
	const o = {
		id: ORGANISATION_ID_BASE + st.ids.next('organisation'),
		status: 'pending',
		created_at: now,
		updated_at: now,
		archived_at: null,
	};
	for (const k of FIELDS) if (k in body) o[k] = body[k];
	if ('address' in body) o.address = body.address;
	checkCompany(o);
	organisations(st).set(o.id, o);
	return o;
}

// A body of organisation ids: every one must exist; each is taken once.
function organisationIdsIn(st, body) {
	const errors = {};
	const ids = [];
	body.forEach((id, i) => {
		if (!organisations(st).has(id)) errors[String(i)] = ['The selected organisation is invalid.'];
		else if (!ids.includes(id)) ids.push(id);
	});
	if (Object.keys(errors).length) throw unprocessable(errors);
	return ids;
}

function organisationsRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const organisationOf = (id) => getOr404(organisations(st()), id, 'Organisation not found');
	const clientOf = (id) => getOr404(st().clients, id, 'Client not found');
	const sortKey = (o, k) =>
		k === 'name' || k === 'reference'
			? String(o[k] ?? '').toLowerCase() || null
			: o[k] instanceof Date
				? o[k].getTime()
				: o[k];

	r.get('/organisations', (req, res) => {
		const q = req.query;
		let items = [...organisations(st()).values()];
		if (q.search) {
			const s = String(q.search).toLowerCase();
			items = items.filter((o) =>
				[o.name, o.company_number, o.reference].some(
					(v) => v && String(v).toLowerCase().includes(s),
				),
			);
		}
		if (q.assignee != null) {
			items =
				String(q.assignee) === 'false'
					? items.filter((o) => !assignedTeamMemberIds(st(), 'organisation', o.id).length)
					: items.filter((o) =>
							assignedTeamMemberIds(st(), 'organisation', o.id).includes(Number(q.assignee)),
						);
		}
		if (q.visibility)
			items = items.filter((o) => (q.visibility === 'archived') === Boolean(o.archived_at));
		items = sortItems(items, q.sort_by, q.order_by, sortKey);
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (o) => serialize(ctx, req, o, expand));
	});

	r.post('/organisations', (req, res) =>
		res.status(201).json(serialize(ctx, req, createOrganisation(ctx, req.body))),
	);

	r.get('/organisations/:id', (req, res) =>
		res.json(serialize(ctx, req, organisationOf(req.params.id), expandOf(req))),
	);

	r.patch('/organisations/:id', (req, res) => {
		const o = organisationOf(req.params.id);
		const next = { ...o };
		for (const k of FIELDS) if (k in req.body) next[k] = req.body[k];
		if ('address' in req.body) next.address = req.body.address;
		checkCompany(next);
		Object.assign(o, next, { updated_at: ctx.clock.now() });
		res.json(serialize(ctx, req, o));
	});

	// "in the order they were created, most recent first"
	r.get('/organisations/:id/clients', (req, res) => {
		const o = organisationOf(req.params.id);
		const clients = clientIdsOf(st(), o.id)
			.sort((a, b) => b - a)
			.map((id) => ser.client(st().clients.get(id)));
		listResponse(ctx, req, res, clients);
	});

	r.get('/clients/:id/organisations', (req, res) => {
		const c = clientOf(req.params.id);
		const items = sortItems(
			organisationIdsOf(st(), c.id).map((id) => organisations(st()).get(id)),
			req.query.sort_by,
			req.query.order_by,
			sortKey,
		);
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (o) => serialize(ctx, req, o, expand));
	});

	r.post('/clients/:id/organisations', (req, res) => {
		const c = clientOf(req.params.id);
		const ids = organisationIdsIn(st(), req.body);
		const current = memberships(st()).get(c.id) ?? new Set();
		const added = ids.filter((id) => !current.has(id));
		memberships(st()).set(c.id, new Set([...current, ...added]));
		addedResponse(ctx, req, res, added, (id) => serialize(ctx, req, organisations(st()).get(id)));
	});

	r.put('/clients/:id/organisations', (req, res) => {
		const c = clientOf(req.params.id);
		const ids = organisationIdsIn(st(), req.body);
		const current = memberships(st()).get(c.id) ?? new Set();
		const added = ids.filter((id) => !current.has(id));
		memberships(st()).set(c.id, new Set(ids));
		addedResponse(ctx, req, res, added, (id) => serialize(ctx, req, organisations(st()).get(id)));
	});

	r.delete('/clients/:id/organisations', (req, res) => {
		const c = clientOf(req.params.id);
		memberships(st()).delete(c.id);
		res.status(204).end();
	});

	r.delete('/clients/:clientId/organisations/:organisationId', (req, res) => {
		const c = clientOf(req.params.clientId);
		const current = memberships(st()).get(c.id);
		const id = Number(req.params.organisationId);
		if (!organisations(st()).has(id) || !current || !current.has(id))
			throw notFound('Organisation not found');
		current.delete(id);
		res.status(204).end();
	});

	return r;
}

module.exports = { organisationsRouter, createOrganisation, serializeOrganisation: serialize };
