'use strict';
// Small helpers shared by the Amiqus route files.
const { paginate } = require('../../core/pagination');
const { notFound } = require('./errors');

// ?expand=a,b arrives as an array (validator, explode:false) or a string.
function expandOf(req) {
	const e = req.query.expand;
	if (e == null) return [];
	return (Array.isArray(e) ? e : String(e).split(',')).map((s) => String(s).trim()).filter(Boolean);
}

// The request's URL without its query: the `url` of a list.
const urlOf = (ctx, req) => `${ctx.getUrl()}${req.originalUrl.split('?')[0]}`;

// A paged list (core/pagination) of the items, each passed through `serialize`.
function listResponse(ctx, req, res, items, serialize = (x) => x) {
	const data = items.map((x) => serialize(x));
	res.json(paginate(data, { query: req.query, selfUrl: urlOf(ctx, req), defaultLimit: 25 }));
}

// A list that is not paged: an expanded relation, or what a request added.
const plainList = (data, url) => ({
	object: 'list',
	data,
	total: data.length,
	count: data.length,
	limit: 100,
	has_more: false,
	url,
});

/** What a request added to a relation: 201 with the list of them, or 204 when it added nothing. */
function addedResponse(ctx, req, res, added, serialize) {
	if (!added.length) return res.status(204).end();
	const data = added.map((x) => serialize(x));
	res.status(201).json(plainList(data, urlOf(ctx, req)));
}

function sortItems(items, sortBy, orderBy, get) {
	const out = items.slice();
	if (sortBy) {
		out.sort((a, b) => {
			const x = get(a, sortBy);
			const y = get(b, sortBy);
			if (x == null && y == null) return a.id - b.id;
			if (x == null) return 1;
			if (y == null) return -1;
			return x < y ? -1 : x > y ? 1 : a.id - b.id;
		});
	} else out.sort((a, b) => a.id - b.id); // default order: ascending id
	if (orderBy === 'desc') out.reverse();
	return out;
}

function getOr404(map, id, message) {
	const v = map.get(Number(id));
	if (!v) throw notFound(message);
	return v;
}

const dateOnly = (d) => new Date(d).toISOString().slice(0, 10);

module.exports = {
	expandOf,
	urlOf,
	listResponse,
	plainList,
	addedResponse,
	sortItems,
	getOr404,
	dateOnly,
};
