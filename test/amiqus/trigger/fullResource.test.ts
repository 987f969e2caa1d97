import type { IDataObject } from 'n8n-workflow';

import { sb, OUT, startHost, outputOf, amiqusApi, useAmiqusTrigger } from './helpers';

useAmiqusTrigger();

describe('Amiqus Trigger: Fetch Full Resource', () => {
	it('adds the full record and client next to the untouched payload (v1 show URLs)', async () => {
		sb.amiqus.setConfig({ webhookUrlStyle: 'v1' });
		// The sandbox compiles its OpenAPI validator per route on first use (about a second): do that
		// now, so the node's short lookup timeout (Amiqus wants an answer within 5 s) is not what is tested.
		const warm = sb.amiqus.seed.record();
		expect(await amiqusApi('GET', `/records/${warm.id}`)).toBe(200);
		expect(await amiqusApi('GET', `/clients/${warm.client}`)).toBe(200);
		sb.clearRequests();
		const host = await startHost({
			events: ['client.record', 'record.finished'],
			options: { fetchFullResource: true, includeHeaders: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record(); // client.record
		await sb.amiqus.waitForDeliveries(1, 20_000);
		sb.amiqus.completeRecord(Number(record.id)); // record.finished
		const deliveries = await sb.amiqus.waitForDeliveries(2, 20_000);
		await host.waitForExecutions(2, 20_000);
		const byEvent = (event: string) => deliveries.find((d) => d.event === event)!;
		expect(deliveries.map((d) => d.event).sort()).toEqual(['client.record', 'record.finished']);
		expect(JSON.parse(byEvent('client.record').body).data.record.show).toMatch(
			/\/amiqus\/api\/records\/\d+$/,
		);

		const [clientRecord] = outputOf(
			host.executions.find((e) => e.output(OUT)[0].json.event === 'client.record')!,
		);
		expect(clientRecord.payload).toEqual(JSON.parse(byEvent('client.record').body));
		// Fetched when the delivery arrives, so it is the record's current state.
		expect(clientRecord.record).toMatchObject({
			object: 'record',
			id: record.id,
			client: record.client,
		});
		expect(clientRecord.client).toMatchObject({ object: 'client', id: record.client });
		expect(clientRecord.fetchErrors).toBeUndefined();
		expect((clientRecord.headers as IDataObject)['x-aqid-delivery-id']).toBe(
			byEvent('client.record').deliveryId,
		);
		// Never the signature: it is replay material for anyone who can read executions.
		expect(Object.keys(clientRecord.headers as IDataObject)).not.toContain('x-aqid-signature');

		const [finished] = outputOf(
			host.executions.find((e) => e.output(OUT)[0].json.event === 'record.finished')!,
		);
		expect(finished.payload).toEqual(JSON.parse(byEvent('record.finished').body));
		expect(finished.record).toMatchObject({ object: 'record', id: record.id, status: 'complete' });
		expect(finished.client).toBeUndefined();

		const gets = sb
			.requests('amiqus')
			.filter((r) => r.method === 'GET' && !r.path.startsWith('/webhooks'));
		expect(gets.map((r) => [r.path, r.status]).sort()).toEqual(
			[
				[`/clients/${record.client}`, 200],
				[`/records/${record.id}`, 200],
				[`/records/${record.id}`, 200],
			].sort(),
		);
	});

	it('answers Amiqus before its lookups: a lookup slower than the 5-second deadline does not hold the answer', async () => {
		const host = await startHost({
			events: ['record.finished'],
			options: { fetchFullResource: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record();
		sb.faults.add({
			provider: 'amiqus',
			method: 'GET',
			path: `/records/${record.id}`,
			delayMs: 6000,
		});
		sb.amiqus.completeRecord(Number(record.id));
		const [delivery] = await sb.amiqus.waitForDeliveries(1, 20_000);
		// When Amiqus had its answer, the lookup had not been answered yet (it was still waiting).
		const lookupsAtAnswer = sb
			.requests('amiqus')
			.filter((r) => r.method === 'GET' && r.path === `/records/${record.id}`);
		expect(delivery).toMatchObject({ ok: true, status: 200 });
		expect(lookupsAtAnswer.map((r) => r.status)).not.toContain(200);
		await host.waitForExecutions(1, 20_000);
		const [item] = outputOf(host.executions[0]);
		expect(item.record).toMatchObject({ object: 'record', id: record.id });
	});

	it('still emits the event when the lookup fails, and says why', async () => {
		const host = await startHost({
			events: ['record.finished'],
			options: { fetchFullResource: true },
		});
		await host.activate();
		const record = sb.amiqus.seed.record();
		sb.faults.add({
			provider: 'amiqus',
			method: 'GET',
			path: `/records/${record.id}`,
			status: 404,
		});
		sb.amiqus.completeRecord(Number(record.id));
		await host.waitForExecutions(1, 20_000);
		const [item] = outputOf(host.executions[0]);
		expect(item.event).toBe('record.finished');
		expect(item.record).toBeUndefined();
		expect(item.fetchErrors).toEqual([
			expect.objectContaining({ resource: 'record', id: record.id, httpCode: '404' }),
		]);
		expect(host.deliveries[0]).toMatchObject({ status: 200, started: true });
	});
});
