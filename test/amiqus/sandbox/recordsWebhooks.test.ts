import * as crypto from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';

import { useAmiqusApi } from './helpers';

type Received = { headers: http.IncomingHttpHeaders; raw: string };

// A local webhook receiver; `status` controls what it answers.
function startReceiver() {
	const received: Received[] = [];
	const ctl = { status: 204 };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.statusCode = ctl.status;
			res.end();
		});
	});
	return new Promise<{
		url: string;
		received: Received[];
		ctl: { status: number };
		close: () => Promise<void>;
	}>((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}/hook`,
				received,
				ctl,
				close: () => new Promise((r) => server.close(() => r())),
			});
		});
	});
}

describe('Amiqus sandbox', () => {
	const { sb, api, raw, newClient } = useAmiqusApi();

	describe('records, state machine and signed webhooks', () => {
		let rx: Awaited<ReturnType<typeof startReceiver>>;
		beforeEach(async () => {
			rx = await startReceiver();
		});
		afterEach(async () => {
			await rx.close();
		});

		it('drives pending -> started -> complete via the hosted page and signs every delivery', async () => {
			const hook = await api.post('/webhooks', { url: rx.url, events: ['record.*'] });
			expect(hook.status).toBe(201);
			expect(hook.data.secret).toMatch(/^[0-9a-f]{64}$/);
			const c = await newClient();
			const rec = await api.post('/records', {
				client: c.id,
				notification: false,
				steps: [
					{ type: 'check.photo_id', preferences: { report_type: 'standard', docs: ['passport'] } },
					{ type: 'check.dummy', preferences: { state: 'rejected' } },
				],
			});
			expect(rec.status).toBe(201);
			expect(rec.data.status).toBe('pending');
			expect(rec.data.perform_url).toMatch(new RegExp(`^${sb.url}/amiqus/i/`));
			expect(rec.data.steps[0].preferences).toEqual({
				report_type: 'standard',
				face: false,
				liveness: false,
				facial_similarity: false,
				live_document: false,
				docs: ['passport'],
				issuing_countries: null,
				right_to_work: null,
				right_to_rent: null,
			});
			const [photoStep, dummyStep] = rec.data.steps;

			sb.amiqus.completeStep(rec.data.id, photoStep.id, { outcome: 'accepted' });
			expect((await api.get(`/records/${rec.data.id}`)).data.status).toBe('started');

			const page = await raw.get(rec.data.perform_url);
			expect(page.status).toBe(200);
			expect(page.data).toContain('Approve');
			const done = await raw.post(rec.data.perform_url, 'outcome=accepted', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(done.status).toBe(200);

			const after = await api.get(`/records/${rec.data.id}`, { params: { expand: 'client' } });
			expect(after.data.status).toBe('complete');
			expect(after.data.perform_url).toBe(false);
			expect(after.data.client).toMatchObject({ object: 'client', id: c.id });
			// The link answers 410 once there is nothing to do, and an unknown link 404.
			expect((await raw.get(rec.data.perform_url)).status).toBe(410);
			expect((await raw.post(rec.data.perform_url, 'outcome=accepted')).status).toBe(410);
			expect((await raw.get(`${sb.url}/amiqus/i/unknown`)).status).toBe(404);
			// dummy "state" preference does not override an explicit outcome; the photo ID check is accepted
			const check = await api.get(`/checks/${photoStep.check}`, {
				params: { expand: 'record,response' },
			});
			expect(check.data).toMatchObject({
				object: 'check',
				type: 'photo_id',
				status: 'accepted',
				record: { id: rec.data.id },
			});
			expect(check.data.response.object).toBe('check_response.photo_id');
			const dummy = await api.get(`/checks/${dummyStep.check}`);
			expect(dummy.data.response).toBe(true);

			await sb.amiqus.waitForDeliveries(4, 3000);
			const aliases = rx.received.map((d) => JSON.parse(d.raw).trigger.alias);
			// deliveries run concurrently, as on the live service: compare without order
			expect(aliases.slice().sort()).toEqual([
				'record.created',
				'record.finished',
				'record.updated',
				'record.updated',
			]);
			for (const d of rx.received) {
				const expected = crypto
					.createHmac('sha256', hook.data.secret)
					.update(d.raw)
					.digest('base64');
				expect(d.headers['x-aqid-signature']).toBe(expected);
				expect(d.headers['x-aqid-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
				expect(d.headers['x-aqid-delivery-attempt']).toBe('1');
				expect(d.headers['user-agent']).toBe('Amiqus AmiqusID/2');
				expect(d.headers['content-type']).toBe('application/json');
			}
			const finished = JSON.parse(
				rx.received.find((d) => JSON.parse(d.raw).trigger.alias === 'record.finished')!.raw,
			);
			expect(finished).toEqual({
				webhook: { uuid: hook.data.uuid, created_at: hook.data.created_at, events: ['record.*'] },
				trigger: { triggered_at: expect.stringMatching(/Z$/), alias: 'record.finished' },
				data: {
					record: {
						id: rec.data.id,
						type: 'client',
						show: `${sb.amiqus.baseUrl}/records/${rec.data.id}`,
						download: `${sb.amiqus.baseUrl}/records/${rec.data.id}/download`,
					},
					client: { id: c.id, show: `${sb.amiqus.baseUrl}/clients/${c.id}` },
					case: null,
				},
			});
			const log = await api.get(`/webhooks/${hook.data.id}/deliveries`);
			expect(log.data.total).toBe(4);
			expect(log.data.data[0]).toMatchObject({
				object: 'webhook_delivery',
				event: 'record.created',
				attempts: 1,
			});
		});

		it('uses the dummy state preference, waiting on submitted checks, and expiry to empty', async () => {
			const rec = sb.amiqus.seed.record({
				steps: [{ type: 'check.dummy', preferences: { state: 'refer' } }],
			});
			sb.amiqus.completeRecord(rec.id);
			const check = await api.get(`/checks/${rec.steps[0].check}`);
			expect(check.data.status).toBe('refer');

			const waiting = sb.amiqus.seed.record();
			expect(sb.amiqus.completeRecord(waiting.id, { outcome: 'submitted' }).status).toBe('waiting');
			const ctl = await raw.post(
				`${sb.url}/_control/amiqus/checks/${waiting.steps[0].check}/status`,
				{ status: 'accepted' },
			);
			expect(ctl.status).toBe(200);
			expect((await api.get(`/records/${waiting.id}`)).data.status).toBe('complete');

			const idle = sb.amiqus.seed.record();
			const exp = await api.post(`/records/${idle.id}/expire`);
			expect(exp.data).toMatchObject({ status: 'empty', perform_url: false });
			const rev = await api.patch(`/records/${idle.id}`, { is_reviewed: true, is_archived: true });
			expect(rev.data.status).toBe('reviewed');
			expect(rev.data.archived_at).toEqual(expect.any(String));
		});

		it('emits client events with v1 URLs and +00:00 timestamps when configured', async () => {
			sb.amiqus.config.webhookUrlStyle = 'v1';
			sb.amiqus.config.timestampStyle = '+00:00';
			await api.post('/webhooks', { url: rx.url, events: ['client.*'] });
			const c = await newClient();
			await api.patch(`/clients/${c.id}`, { status: 'approved' });
			await api.delete(`/clients/${c.id}`);
			await sb.amiqus.waitForDeliveries(4, 3000);
			const bodies: Record<string, any> = {};
			for (const d of rx.received) {
				const b = JSON.parse(d.raw);
				bodies[b.trigger.alias] = b;
			}
			expect(Object.keys(bodies).sort()).toEqual([
				'client.created',
				'client.deleted',
				'client.status',
				'client.updated',
			]);
			expect(bodies['client.created'].data.client.show).toBe(
				`${sb.url}/amiqus/api/clients/${c.id}`,
			);
			expect(bodies['client.created'].trigger.triggered_at).toMatch(/\+00:00$/);
			expect(bodies['client.deleted'].data).toEqual({ client: { id: c.id } });
		});

		it('retries on the scaled schedule with the same delivery id, then auto-disables after the failure limit', async () => {
			rx.ctl.status = 500;
			sb.amiqus.config.webhookFailureLimit = 2;
			sb.timeScale = 0.0002; // 60/120/600/900 s -> 12/24/120/180 ms
			const hook = await api.post('/webhooks', { url: rx.url, events: ['*'] });
			sb.amiqus.seed.client(); // client.created: payload 1
			await sb.amiqus.waitForDeliveries(5, 5000);
			const first = rx.received.slice(0, 5);
			expect(first.map((d) => d.headers['x-aqid-delivery-attempt'])).toEqual([
				'1',
				'2',
				'3',
				'4',
				'5',
			]);
			expect(new Set(first.map((d) => d.headers['x-aqid-delivery-id'])).size).toBe(1);
			expect((await api.get(`/webhooks/${hook.data.id}`)).data.is_enabled).toBe(true);
			sb.amiqus.seed.client(); // payload 2 -> tally reaches 2
			await sb.amiqus.waitForDeliveries(10, 5000);
			await new Promise((r) => setTimeout(r, 50));
			expect((await api.get(`/webhooks/${hook.data.id}`)).data.is_enabled).toBe(false);
			expect((await api.get('/webhooks', { params: { enabled: false } })).data.total).toBe(1);
			sb.amiqus.seed.client(); // disabled: nothing sent
			await new Promise((r) => setTimeout(r, 100));
			expect(rx.received).toHaveLength(10);
			sb.timeScale = 0.001;
		});

		it('sends a ping in the configured format', async () => {
			const hook = await api.post('/webhooks', { url: rx.url, events: ['record.finished'] });
			sb.amiqus.config.pingFormat = 'log';
			const r = await raw.post(`${sb.url}/_control/amiqus/webhooks/${hook.data.id}/ping`);
			expect(r.status).toBe(202);
			await sb.amiqus.waitForDeliveries(1, 3000);
			expect(JSON.parse(rx.received[0].raw)).toMatchObject({ event: 'ping', data: ['ping'] });
		});
	});
});
