import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMPTY_FILTER, MAX_PAGE_SIZE, ondatoRequest } from '../transport';

/** IDV setups for the Setup locator, as Ondato's own demo lists them (limit 100, by name). */
export async function searchSetups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { limit: MAX_PAGE_SIZE, orderBy: 'Name', orderDirection: 'Asc' };
	// The offset parameter name is not documented (see IDV Setup → Get Many).
	if (offset > 0) qs.offset = offset;
	const page = await ondatoRequest(this, 'idv', 'POST', '/v1/identity-verification-setups/filter', {
		qs,
		...EMPTY_FILTER,
		idempotent: true,
	});
	const setups = Array.isArray(page) ? (page as IDataObject[]) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	const results = setups
		.filter((setup) => setup.isDisabled !== true)
		.map((setup) => ({ name: String(setup.name ?? setup.id), value: String(setup.id) }))
		.filter(
			(entry) =>
				!needle || entry.name.toLowerCase().includes(needle) || entry.value.includes(needle),
		);
	return {
		results,
		paginationToken: setups.length === MAX_PAGE_SIZE ? String(offset + MAX_PAGE_SIZE) : undefined,
	};
}
