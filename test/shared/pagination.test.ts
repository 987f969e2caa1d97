import type { Page } from '../../nodes/shared/pagination';
import { collectPages } from '../../nodes/shared/pagination';

/** A provider with `total` items served in pages; records every page asked for. */
function provider(total: number, options: { lyingHasMore?: boolean } = {}) {
	const asked: Array<{ page: number; pageSize: number }> = [];
	const fetchPage = async (page: number, pageSize: number): Promise<Page<number>> => {
		asked.push({ page, pageSize });
		const start = (page - 1) * pageSize;
		const items = Array.from(
			{ length: Math.max(0, Math.min(pageSize, total - start)) },
			(_, i) => start + i,
		);
		return { items, hasMore: options.lyingHasMore ? true : start + items.length < total };
	};
	return { asked, fetchPage };
}

describe('collectPages', () => {
	it('Return All reads every page at the largest size and stops when the provider says so', async () => {
		const p = provider(250);
		const items = await collectPages(p.fetchPage, { returnAll: true, limit: 0, maxPageSize: 100 });
		expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(p.asked).toEqual([
			{ page: 1, pageSize: 100 },
			{ page: 2, pageSize: 100 },
			{ page: 3, pageSize: 100 },
		]);
	});

	it('a Limit smaller than a page asks for exactly that many, in one request', async () => {
		const p = provider(250);
		expect(
			await collectPages(p.fetchPage, { returnAll: false, limit: 7, maxPageSize: 100 }),
		).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(p.asked).toEqual([{ page: 1, pageSize: 7 }]);
	});

	it('a Limit over a page keeps one page size, so page numbers line up, and trims the last page', async () => {
		const p = provider(1000);
		const items = await collectPages(p.fetchPage, {
			returnAll: false,
			limit: 130,
			maxPageSize: 50,
		});
		expect(items).toHaveLength(130);
		expect(items[129]).toBe(129);
		expect(p.asked.map((a) => a.pageSize)).toEqual([50, 50, 50]);
	});

	it('stops on an empty page even when the provider keeps saying there is more', async () => {
		const p = provider(3, { lyingHasMore: true });
		expect(await collectPages(p.fetchPage, { returnAll: true, limit: 0, maxPageSize: 2 })).toEqual([
			0, 1, 2,
		]);
		expect(p.asked.map((a) => a.page)).toEqual([1, 2, 3]);
	});

	it('a Limit of 0 or less asks for nothing', async () => {
		for (const limit of [0, -5]) {
			const p = provider(10);
			expect(await collectPages(p.fetchPage, { returnAll: false, limit, maxPageSize: 10 })).toEqual(
				[],
			);
			expect(p.asked).toEqual([]);
		}
	});
});
