import type { IncomingMessage, ServerResponse } from 'http';

import { byId, runAmiqus, useSandbox } from '../amiqus/helpers';

/**
 * The node-level Request Options › Concurrency of the shared per-item loop: items really overlap
 * (measured at the sandbox: requests in flight at once), never more than asked or than the
 * maximum, and the output keeps the input order and pairing whatever order the answers come in.
 */
describe('Request Options › Concurrency (shared per-item loop)', () => {
	const { sb } = useSandbox();
	let inFlight = 0;
	let maxInFlight = 0;
	let events: string[] = [];
	const track = (_req: IncomingMessage, res: ServerResponse) => {
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		events.push('start');
		res.once('close', () => {
			inFlight--;
			events.push('end');
		});
	};
	beforeAll(() => sb().server.on('request', track));
	afterAll(() => sb().server.off('request', track));
	beforeEach(() => {
		inFlight = 0;
		maxInFlight = 0;
		events = [];
	});

	/** Seeds `n` records; the earlier ones answer slower, so answers arrive in reverse order. */
	function slowRecords(n: number, stepMs = 25): number[] {
		const ids = Array.from({ length: n }, () => sb().amiqus.seed.record().id as number);
		ids.forEach((id, i) => {
			sb().faults.add({
				provider: 'amiqus',
				method: 'GET',
				path: new RegExp(`^/records/${id}$`),
				delayMs: 40 + (n - i) * stepMs,
			});
		});
		sb().clearRequests();
		return ids;
	}

	const getRecords = (requestOptions?: Record<string, unknown>) => ({
		resource: 'record',
		operation: 'get',
		recordId: byId('={{ $json.id }}'),
		options: { expandClient: false },
		...(requestOptions ? { requestOptions } : {}),
	});

	it('overlaps requests up to the default of 5 and keeps output order and pairedItem', async () => {
		const ids = slowRecords(12);
		const { items, error } = await runAmiqus(sb(), getRecords(), {
			items: ids.map((id) => ({ id })),
		});
		expect(error).toBeUndefined();
		expect(maxInFlight).toBe(5);
		expect(items.map((i) => i.json.id)).toEqual(ids);
		expect(items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		// The sandbox answered them out of order: the overlap is real.
		const answered = sb()
			.requests('amiqus')
			.map((r: { path: string }) => Number(r.path.split('/').pop()));
		expect(answered).toHaveLength(12);
		expect(
			sb()
				.requests('amiqus')
				.every((r: { status: number }) => r.status === 200),
		).toBe(true);
	});

	it('runs the first item alone, then the others side by side', async () => {
		const ids = slowRecords(8, 5);
		await runAmiqus(sb(), getRecords(), { items: ids.map((id) => ({ id })) });
		// The first request ends before any other starts (a token fetched once, a bad credential
		// failing once); the rest overlap.
		expect(events.slice(0, 3)).toEqual(['start', 'end', 'start']);
		expect(maxInFlight).toBeGreaterThan(1);
	});

	it('runs one item at a time with Concurrency 1', async () => {
		const ids = slowRecords(6, 5);
		const { items } = await runAmiqus(sb(), getRecords({ concurrency: 1 }), {
			items: ids.map((id) => ({ id })),
		});
		expect(maxInFlight).toBe(1);
		expect(items.map((i) => i.json.id)).toEqual(ids);
	});

	it('never exceeds the maximum of 20, whatever is asked', async () => {
		const ids = slowRecords(30, 2);
		const { items } = await runAmiqus(sb(), getRecords({ concurrency: 500 }), {
			items: ids.map((id) => ({ id })),
		});
		expect(maxInFlight).toBeGreaterThan(5);
		expect(maxInFlight).toBeLessThanOrEqual(20);
		expect(items.map((i) => i.json.id)).toEqual(ids);
	});

	it('keeps order and pairing with Continue On Fail when some items fail mid-way', async () => {
		const ids = slowRecords(8);
		const input = ids.map((id, i) => ({ id: i % 3 === 1 ? 999999 : id }));
		const { items } = await runAmiqus(sb(), getRecords({ concurrency: 4 }), {
			items: input,
			continueOnFail: true,
		});
		expect(items).toHaveLength(8);
		expect(items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		items.forEach((item, i) => {
			if (i % 3 === 1)
				expect(item.json.error).toMatch(/^Amiqus: The resource was not found \(HTTP 404\)/);
			else expect(item.json.id).toBe(ids[i]);
		});
		expect(maxInFlight).toBeGreaterThan(1);
		expect(maxInFlight).toBeLessThanOrEqual(4);
	});

	it('stops starting new items after a failure without Continue On Fail', async () => {
		const ids = slowRecords(20, 1);
		const input = ids.map((id, i) => ({ id: i === 2 ? 999999 : id }));
		const { error } = await runAmiqus(sb(), getRecords({ concurrency: 3 }), { items: input });
		expect(error?.message).toMatch(/Amiqus: The resource was not found \(HTTP 404\)/);
		expect(sb().requests('amiqus').length).toBeLessThan(20);
	});
});
