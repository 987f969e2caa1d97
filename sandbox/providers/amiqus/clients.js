'use strict';
// Clients CRUD, filters and sorting (amiqus.md §5.1).
const express = require('express');
const { unprocessable, forbidden } = require('./errors');
const { expandOf, listResponse, sortItems, getOr404, dateOnly } = require('./helpers');
const ser = require('./serialize');

// Business rules the spec cannot express.
function checkName(name) {
	if (name && name.title === 'other' && !name.other_title)
		throw unprocessable({
			'name.other_title': ['The name.other_title field is required when name.title is other.'],
		});
}

function createClient(ctx, body) {
	checkName(body.name);
	const st = ctx.state();
	const now = ctx.clock.now();
	const c = {
		id: st.ids.next('client'),
		status: body.status !== undefined ? body.status : ctx.config().clientDefaultStatus,
		name: { ...body.name },
		email: body.email,
		landline: body.landline ?? null,
		mobile: body.mobile ?? null,
		dob: body.dob ?? null,
		reference: body.reference ?? null,
		deletion_date: body.deletion_date ?? null,
		created_at: now,
		updated_at: now,
		archived_at: body.archived_at ?? null,
	};
	st.clients.set(c.id, c);
	ctx.events.emit('client.created', { client: c });
	return c;
}

function clientsRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();

	r.get('/clients', (req, res) => {
		const q = req.query;
		const today = dateOnly(ctx.clock.now());
		let items = [...st().clients.values()];
		if (q.search) {
			const s = String(q.search).toLowerCase();
			items = items.filter((c) =>
				[c.name.first_name, c.name.middle_name, c.name.last_name, c.reference].some(
					(v) => v && String(v).toLowerCase().includes(s),
				),
			);
		}
		if (q.status) items = items.filter((c) => c.status === q.status);
		if (q.visibility)
			items = items.filter((c) => (q.visibility === 'archived') === Boolean(c.archived_at));
		if (q.reference)
			items = items.filter(
				(c) => c.reference && c.reference.toLowerCase() === String(q.reference).toLowerCase(),
			);
		if (q.assignee != null)
			items = items.filter((c) => (c.assignees || []).includes(Number(q.assignee)));
		if (q.deletion_date) {
			const test = {
				upcoming: (d) => d && d > today,
				today: (d) => d === today,
				overdue: (d) => d && d < today,
				not_set: (d) => !d,
			}[q.deletion_date];
			items = items.filter((c) => test(c.deletion_date));
		}
		const get = (c, k) =>
			k.startsWith('name.')
				? String(c.name[k.slice(5)] || '').toLowerCase()
				: c[k] instanceof Date
					? c[k].getTime()
					: c[k];
		items = sortItems(items, q.sort_by, q.order_by, get);
		listResponse(ctx, req, res, items, (c) => ser.client(c));
	});

	r.post('/clients', (req, res) => res.status(201).json(ser.client(createClient(ctx, req.body))));

	r.get('/clients/:id', (req, res) =>
		res.json(ser.client(getOr404(st().clients, req.params.id, 'Client not found'))),
	);

	r.patch('/clients/:id', (req, res) => {
		const c = getOr404(st().clients, req.params.id, 'Client not found');
		const b = req.body || {};
		if (!Object.keys(b).length)
			throw unprocessable({ body: ['At least one property is required'] });
		const name = b.name ? { ...c.name, ...b.name } : c.name;
		checkName(name);
		const oldStatus = c.status;
		for (const k of ['email', 'landline', 'mobile', 'dob', 'reference', 'deletion_date', 'status'])
			if (k in b) c[k] = b[k];
		c.name = name;
		c.updated_at = ctx.clock.now();
		ctx.events.emit('client.updated', { client: c });
		if ('status' in b && b.status !== oldStatus) ctx.events.emit('client.status', { client: c });
		res.json(ser.client(c));
	});

	r.delete('/clients/:id', (req, res) => {
		const c = getOr404(st().clients, req.params.id, 'Client not found');
		const hasRecords = [...st().records.values()].some((x) => x.client === c.id);
		// Only an Admin may delete a client that has requests (records).
		if (hasRecords && ctx.config().userRole !== 'owner' && ctx.config().userRole !== 'admin')
			throw forbidden();
		for (const rec of [...st().records.values()])
			if (rec.client === c.id) st().records.delete(rec.id);
		st().clients.delete(c.id);
		ctx.events.emit('client.deleted', { client: c });
		res.status(204).end();
	});

	r.get('/clients/:id/records', (req, res) => {
		const c = getOr404(st().clients, req.params.id, 'Client not found');
		const expand = expandOf(req);
		const items = [...st().records.values()]
			.filter((x) => x.client === c.id)
			.sort((a, b) => a.id - b.id);
		listResponse(ctx, req, res, items, (x) => ctx.serializeRecord(x, expand));
	});

	return r;
}

module.exports = { clientsRouter, createClient };
