import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { amiqusRequest } from '../transport';

const PAGE_SIZE = 50;

interface ListPage {
	data: IDataObject[];
	current_page: number;
	total_pages: number;
}

function nextToken(page: ListPage): string | undefined {
	return page.current_page < page.total_pages ? String(page.current_page + 1) : undefined;
}

export async function searchClients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = (await amiqusRequest(this, 'GET', '/clients', {
		qs: { page: paginationToken ?? 1, limit: PAGE_SIZE, ...(filter ? { search: filter } : {}) },
	})) as ListPage;
	return {
		results: page.data.map((client) => {
			const name = (client.name as IDataObject | undefined)?.name ?? '';
			return { name: `${name} <${client.email ?? ''}> (#${client.id})`, value: String(client.id) };
		}),
		paginationToken: nextToken(page),
	};
}

export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Amiqus has no text search on records: list the newest and filter on the client's name and email.
	const page = (await amiqusRequest(this, 'GET', '/records', {
		qs: { page: paginationToken ?? 1, limit: PAGE_SIZE, sort_by: 'created_at', order_by: 'desc' },
	})) as ListPage;
	const needle = (filter ?? '').toLowerCase();
	const results = page.data
		.map((record) => {
			const name = (record.name as IDataObject | undefined)?.name ?? '';
			return {
				name: `#${record.id} ${name} <${record.email ?? ''}> (${record.status})`,
				value: String(record.id),
			};
		})
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
	return { results, paginationToken: nextToken(page) };
}

export async function searchOrganisations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = (await amiqusRequest(this, 'GET', '/organisations', {
		qs: { page: paginationToken ?? 1, limit: PAGE_SIZE, ...(filter ? { search: filter } : {}) },
	})) as ListPage;
	return {
		results: page.data.map((organisation) => {
			const number = organisation.company_number ? `, ${organisation.company_number}` : '';
			return {
				name: `${organisation.name} (#${organisation.id}${number})`,
				value: String(organisation.id),
			};
		}),
		paginationToken: nextToken(page),
	};
}

export async function searchCases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Amiqus searches cases by case name and client name; the newest first.
	const page = (await amiqusRequest(this, 'GET', '/cases', {
		qs: {
			page: paginationToken ?? 1,
			limit: PAGE_SIZE,
			sort_by: 'created_at',
			order_by: 'desc',
			...(filter ? { search: filter } : {}),
		},
	})) as ListPage;
	return {
		results: page.data.map((item) => ({
			name: `#${item.id} ${item.name} (${item.status})`,
			value: String(item.id),
		})),
		paginationToken: nextToken(page),
	};
}
