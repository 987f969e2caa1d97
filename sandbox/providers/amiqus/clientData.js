'use strict';
// A client's address, name corrections and forms, and the team-wide form list (amiqus.md §5.1, §5.5).
const express = require('express');
const { AmiqusError, unprocessable, notFound } = require('./errors');
const { expandOf, listResponse, sortItems, getOr404 } = require('./helpers');
const { uuid } = require('../../core/ids');
const { minimalPdf } = require('../../core/pdf');
const ser = require('./serialize');

const iso = ser.iso;
const { ADDRESS_LINES, address } = ser;

// seed: { clientId, recordId, first_name, middle_name, last_name, status }
function createCorrection(ctx, { clientId, recordId = null, status = 'pending', ...name } = {}) {
	const st = ctx.state();
	st.corrections = st.corrections || new Map();
	const now = ctx.clock.now();
	const c = {
		id: st.ids.next('correction'),
		client: Number(clientId),
		record: recordId,
		status,
		correction: { first_name: 'Marty', middle_name: null, last_name: 'McFly', ...name },
		created_at: now,
		updated_at: now,
	};
	st.corrections.set(c.id, c);
	return c;
}

// seed: { clientId, recordId, type, name, values, attachments }
function createForm(
	ctx,
	{
		clientId,
		recordId = null,
		type = recordId != null ? 'requested' : 'internal',
		name = 'New starter form',
		value = null,
		attachments = [],
		completed = false,
	} = {},
) {
	const st = ctx.state();
	st.forms = st.forms || new Map();
	const now = ctx.clock.now();
	const f = {
		id: st.ids.next('form'),
		reference: uuid(),
		type,
		client: Number(clientId),
		record: recordId,
		name,
		attachments,
		fields: [
			{ id: '1', type: 'section', label: '', fields: ['2'] },
			{ id: '2', type: 'text', label: 'Job title', validation: ['required'], flag: false, value },
		],
		version: 1,
		created_at: now,
		updated_at: now,
		completed_at: completed ? now : null,
	};
	st.forms.set(f.id, f);
	return f;
}

function clientDataRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const clientOf = (id) => getOr404(st().clients, id, 'Client not found');
	const linked = (expand, key, id, serialize) =>
		expand.includes(key) && id != null ? serialize(id) : id;
	const clientOut = (id) => ser.client(st().clients.get(id));
	const recordOut = (id) => ctx.serializeRecord(st().records.get(id));

	function correction(c, expand) {
		return {
			object: 'client_correction',
			id: c.id,
			client: linked(expand, 'client', c.client, clientOut),
			record: linked(expand, 'record', c.record, recordOut),
			status: c.status,
			correction: c.correction,
			created_at: iso(c.created_at),
			updated_at: iso(c.updated_at),
		};
	}

	function form(f, expand, object = 'client_form') {
		return {
			object,
			id: f.id,
			reference: f.reference,
			type: f.type,
			client: linked(expand, 'client', f.client, clientOut),
			record: linked(expand, 'record', f.record, recordOut),
			name: f.name,
			instructions: null,
			fields: f.fields,
			version: f.version,
			created_at: iso(f.created_at),
			updated_at: iso(f.updated_at),
			completed_at: iso(f.completed_at),
			archived_at: null,
		};
	}

	r.get('/clients/:id/address', (req, res) => {
		const c = clientOf(req.params.id);
		if (!c.address) throw notFound('Address not found');
		res.json(address(c.address));
	});

	// PUT replaces the whole address. Which lines a country requires is not documented beyond
	// "most commonly postcode": the sandbox requires the postcode and the country, always.
	r.put('/clients/:id/address', (req, res) => {
		const c = clientOf(req.params.id);
		const b = req.body || {};
		const missing = {};
		for (const k of ['country', 'postcode'])
			if (b[k] == null || b[k] === '') missing[k] = [`The ${k} field is required.`];
		if (Object.keys(missing).length) throw unprocessable(missing);
		c.address = {};
		for (const k of ADDRESS_LINES) c.address[k] = b[k] ?? null;
		c.updated_at = ctx.clock.now();
		res.json(address(c.address));
	});

	r.get('/clients/:id/corrections', (req, res) => {
		const c = clientOf(req.params.id);
		let items = [...(st().corrections || new Map()).values()].filter((x) => x.client === c.id);
		if (req.query.status) items = items.filter((x) => x.status === req.query.status);
		items = sortItems(items, req.query.sort_by, req.query.order_by, (x, k) => x[k].getTime());
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (x) => correction(x, expand));
	});

	r.patch('/clients/:clientId/corrections/:correctionId', (req, res) => {
		const c = clientOf(req.params.clientId);
		const x = (st().corrections || new Map()).get(Number(req.params.correctionId));
		if (!x || x.client !== c.id) throw notFound('Correction not found');
		if (x.status !== 'pending')
			throw new AmiqusError(405, { message: `The correction has already been ${x.status}.` });
		const b = req.body;
		if (b.status === 'accepted') {
			x.correction = { ...x.correction, ...(b.correction || {}) };
			c.name = {
				...c.name,
				first_name: x.correction.first_name,
				middle_name: x.correction.middle_name ?? null,
				last_name: x.correction.last_name,
			};
			c.updated_at = ctx.clock.now();
		}
		x.status = b.status;
		x.updated_at = ctx.clock.now();
		res.json(correction(x, []));
	});

	const formOf = (req) => {
		const c = clientOf(req.params.id);
		const f = [...(st().forms || new Map()).values()].find(
			(x) => x.reference === req.params.reference && x.client === c.id,
		);
		if (!f) throw notFound('Form not found');
		return f;
	};

	r.get('/clients/:id/forms', (req, res) => {
		const c = clientOf(req.params.id);
		let items = [...(st().forms || new Map()).values()]
			.filter((x) => x.client === c.id)
			.sort((a, b) => a.id - b.id);
		if (req.query.type) items = items.filter((x) => x.type === req.query.type);
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (x) => form(x, expand));
	});

	r.get('/clients/:id/forms/:reference', (req, res) => res.json(form(formOf(req), [])));

	r.get('/clients/:id/forms/:reference/download', (req, res) => {
		const f = formOf(req);
		const pdf = minimalPdf([
			`Amiqus sandbox form ${f.reference}`,
			f.name,
			...f.fields.filter((x) => x.type !== 'section').map((x) => `${x.label}: ${x.value ?? ''}`),
		]);
		res.set('Content-Disposition', `attachment; filename="${f.name.replace(/"/g, '')}.pdf"`);
		res.type('application/pdf').send(pdf);
	});

	r.get('/forms', (req, res) => {
		let items = [...(st().forms || new Map()).values()];
		if (req.query.type) items = items.filter((x) => x.type === req.query.type);
		items = sortItems(items, req.query.sort_by, req.query.order_by, (x, k) => x[k].getTime());
		const expand = expandOf(req);
		listResponse(ctx, req, res, items, (x) => form(x, expand, 'form'));
	});

	return r;
}

module.exports = { clientDataRouter, createCorrection, createForm };
