'use strict';
// Page-number pagination envelope shared by providers that use Laravel-style lists.
// links is null on a single page, else {next, previous} keeping the query string.
function paginate(items, { query = {}, selfUrl, defaultLimit = 25, object = 'paginated_list' }) {
	const limit = query.limit != null ? Number(query.limit) : defaultLimit;
	const page = query.page != null ? Number(query.page) : 1;
	const total = items.length;
	const totalPages = Math.max(1, Math.ceil(total / limit));
	const data = items.slice((page - 1) * limit, page * limit);
	const pageUrl = (p) => {
		const u = new URL(selfUrl);
		for (const [k, v] of Object.entries(query)) {
			if (k === 'page' || v == null) continue;
			u.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
		}
		u.searchParams.set('page', String(p));
		return u.toString();
	};
	const links =
		totalPages <= 1
			? null
			: {
					next: page < totalPages ? pageUrl(page + 1) : null,
					previous: page > 1 ? pageUrl(Math.min(page - 1, totalPages)) : null,
				};
	return {
		object,
		data,
		total,
		count: data.length,
		limit,
		current_page: page,
		total_pages: totalPages,
		links,
	};
}

module.exports = { paginate };
