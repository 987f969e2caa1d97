'use strict';
// The items (records) and reviews of a case: GET/PATCH /cases/{id}/items, DELETE /cases/{id}/items/{itemId},
// GET/POST /cases/{id}/reviews. A review sets the case's status.
const express = require('express');
const { notFound, unprocessable } = require('./errors');
const { expandOf, listResponse, addedResponse } = require('./helpers');
const { teamMember } = require('./assignees');
const ser = require('./serialize');

const ITEM_ID_BASE = 577;
const REVIEW_ID_BASE = 2697;

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

// caseOf(id): the case, or a 404 thrown.
function caseItemsRouter(ctx, caseOf) {
	const r = express.Router();
	const st = () => ctx.state();

	r.get('/cases/:id/items', (req, res) => {
		const c = caseOf(req.params.id);
		const expand = expandOf(req);
		listResponse(ctx, req, res, itemsOf(st(), c.id), (i) => serializeItem(ctx, i, expand));
	});

	r.patch('/cases/:id/items', (req, res) => {
		const c = caseOf(req.params.id);
		const added = addItems(ctx, c, req.body);
		addedResponse(ctx, req, res, added, (i) => serializeItem(ctx, i));
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
		listResponse(ctx, req, res, reviewsOf(st(), c.id), (v) => serializeReview(st(), v, expand));
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
	return r;
}

module.exports = { caseItemsRouter, itemsOf, serializeItem, addItems };
