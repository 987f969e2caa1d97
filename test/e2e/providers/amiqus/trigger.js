'use strict';
// Real-n8n e2e of the Amiqus Trigger on the running server (run by test/e2e/providers/amiqus.js):
// activation registers the webhooks in the sandbox, completing the record the CLI path created
// delivers signed webhooks that start exactly the expected executions, forged and repeated
// deliveries start nothing, a count under CPU load, deactivation removes the webhooks.
const { request, nodeOutput, sleep } = require('../../n8n');
const wf = require('../../workflows');
const { startCpuLoad, deliver, settle, allExecutions } = require('../../load');

const LOAD_DELIVERIES = 300;

/** @param {object} t  { check, assert, eq, log, waitFor } from run.js */
function createChecks({ check, assert, eq, log, waitFor }) {
	return async function checks(sb, server, recordId) {
		const token = sb.amiqus.config.personalTokens[0];
		const listHooks = async () => {
			const r = await request('GET', `${sb.amiqus.baseUrl}/webhooks`, {
				headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			});
			eq(r.status, 200, 'GET /webhooks');
			return r.json.data;
		};
		const urlOf = (t) => `${server.baseUrl}/webhook/${t.webhookId}/webhook`;

		await check(
			'activation registers both Amiqus webhooks in the sandbox (URL, events)',
			async () => {
				const t = Date.now();
				await server.activate(wf.TRIGGER_FINISHED.id);
				await server.activate(wf.TRIGGER_ALL.id);
				await server.activate(wf.TRIGGER_LOAD.id);
				let hooks = [];
				await waitFor(async () => (hooks = await listHooks()).length >= 3, { timeoutMs: 40000 });
				log(`webhooks registered ${Date.now() - t} ms after the activate calls`);
				if (hooks.length < 2) log(`server log:\n${server.logTail(25)}`);
				log(
					`sandbox received: ${sb
						.requests('amiqus')
						.filter((q) => q.path.startsWith('/webhooks'))
						.map((q) => `${q.method} ${q.path} ${q.status ?? ''}`)
						.join(', ')}`,
				);
				const finished = hooks.filter((h) => h.url === urlOf(wf.TRIGGER_FINISHED));
				const all = hooks.filter((h) => h.url === urlOf(wf.TRIGGER_ALL));
				eq(
					finished.length,
					1,
					`webhooks for ${urlOf(wf.TRIGGER_FINISHED)} (have ${JSON.stringify(hooks.map((h) => h.url))})`,
				);
				eq(all.length, 1, 'webhooks for the record.* workflow');
				eq(JSON.stringify(finished[0].events), JSON.stringify(['record.finished']), 'events');
				eq(JSON.stringify(all[0].events), JSON.stringify(['record.*']), 'events');
				eq(hooks.length, 3, 'webhooks in the sandbox');
				// n8n 2.40 runs the trigger's create() (which registers at Amiqus) before it serves the production
				// route: a delivery in that window gets n8n's 404 and the sandbox retries it (measured once in
				// ~5 runs). Wait until both routes are served (an unsigned probe is refused and starts nothing).
				const notRegistered = (r) => r.status === 404 && /not registered/i.test(r.text);
				for (const t of [wf.TRIGGER_FINISHED, wf.TRIGGER_ALL, wf.TRIGGER_LOAD]) {
					await server.waitForWebhook(`${t.webhookId}/webhook`, {
						method: 'POST',
						expect: (r) => !notRegistered(r),
						timeoutMs: 30000,
					});
				}
			},
		);

		let delivered = [];
		await check('completing a record delivers signed webhooks that n8n accepts', async () => {
			const before = sb.amiqus.deliveries.length;
			const res = await request('POST', `${sb.url}/_control/amiqus/records/${recordId}/complete`, {
				body: { outcome: 'accepted' },
			});
			eq(res.status, 200, 'complete control');
			// record.updated + record.finished to record.*, record.finished to the other: at least 3
			await sb.amiqus.waitForDeliveries(before + 3, 15000);
			await sleep(500); // late extra deliveries, if any
			delivered = sb.amiqus.deliveries.slice(before);
			const bad = delivered.filter((d) => !d.ok);
			assert(
				!bad.length,
				`deliveries refused by n8n: ${JSON.stringify(bad.map((d) => ({ url: d.url, event: d.event, status: d.status, error: d.error })))}`,
			);
			log(
				`deliveries: ${delivered.map((d) => `${d.event}→${d.url === urlOf(wf.TRIGGER_ALL) ? 'record.*' : 'finished'} ${d.status}`).join(', ')}`,
			);
		});

		const eventsOf = (list) =>
			list.map((e) => nodeOutput(e, 'Amiqus Trigger')[0]?.json?.event).sort();
		await check(
			'record.finished workflow: exactly one execution, with the payload and the fetched record',
			async () => {
				const list = await server.waitForExecutions(wf.TRIGGER_FINISHED.id, 1, {
					timeoutMs: 15000,
				});
				eq(list.length, 1, 'executions');
				const e = list[0];
				eq(e.status, 'success', 'execution status');
				const item = nodeOutput(e, 'Amiqus Trigger')[0]?.json;
				assert(
					item,
					`no trigger output: ${JSON.stringify(e.data?.resultData?.runData || {}).slice(0, 300)}`,
				);
				eq(item.event, 'record.finished', 'event');
				eq(item.payload?.data?.record?.id, recordId, 'payload record id');
				const d = delivered.find((x) => x.url === urlOf(wf.TRIGGER_FINISHED));
				eq(item.deliveryId, d.deliveryId, 'delivery id');
				eq(item.record?.id, recordId, 'fetched record id');
				assert(
					['accepted', 'complete', 'approved', 'finished'].includes(item.record?.status) ||
						item.record?.status,
					`record status ${item.record?.status}`,
				);
				log(`fetched record status: ${item.record?.status}`);
				eq(nodeOutput(e, 'Done').length, 1, 'items through the next node');
			},
		);
		await check('record.* workflow: one execution per delivered record event', async () => {
			const expected = delivered
				.filter((d) => d.url === urlOf(wf.TRIGGER_ALL))
				.map((d) => d.event)
				.sort();
			assert(
				expected.includes('record.finished') && expected.includes('record.updated'),
				`sandbox delivered ${JSON.stringify(expected)}`,
			);
			const list = await server.waitForExecutions(wf.TRIGGER_ALL.id, expected.length, {
				timeoutMs: 15000,
			});
			eq(JSON.stringify(eventsOf(list)), JSON.stringify(expected), 'events of the executions');
			assert(
				list.every((e) => e.status === 'success'),
				`statuses ${list.map((e) => e.status)}`,
			);
		});
		await check(
			'forged deliveries (bad, missing, tampered X-AQID-Signature) are refused and start nothing',
			async () => {
				const d = delivered.find((x) => x.url === urlOf(wf.TRIGGER_FINISHED));
				const headers = {
					'Content-Type': 'application/json',
					'X-AQID-Delivery-Id': 'forged-0001',
					'X-AQID-Delivery-Attempt': '1',
				};
				const forged = await request('POST', urlOf(wf.TRIGGER_FINISHED), {
					headers: { ...headers, 'X-AQID-Signature': Buffer.alloc(32, 7).toString('base64') },
					body: d.body,
				});
				const unsigned = await request('POST', urlOf(wf.TRIGGER_FINISHED), {
					headers: { ...headers, 'X-AQID-Delivery-Id': 'forged-0002' },
					body: d.body,
				});
				const hook = [...sb.amiqus.state.webhooks.values()].find(
					(h) => h.url === urlOf(wf.TRIGGER_FINISHED),
				);
				const genuineSignature = sb.amiqus.signature(hook.secret, d.body);
				const tampered = await request('POST', urlOf(wf.TRIGGER_FINISHED), {
					headers: {
						...headers,
						'X-AQID-Delivery-Id': 'forged-0003',
						'X-AQID-Signature': genuineSignature,
					},
					body: d.body.replace(String(recordId), String(recordId + 1)),
				});
				for (const [what, r] of [
					['bad signature', forged],
					['no signature', unsigned],
					['tampered body', tampered],
				]) {
					assert(
						r.status >= 400 && r.status < 500,
						`${what}: HTTP ${r.status} ${r.text.slice(0, 200)}`,
					);
				}
				log(
					`forged: HTTP ${forged.status}, unsigned: HTTP ${unsigned.status}, tampered: HTTP ${tampered.status}`,
				);
				await sleep(1500);
				const list = await server.executions({ workflowId: wf.TRIGGER_FINISHED.id });
				eq(list.length, 1, 'executions of the record.finished workflow after forged deliveries');
			},
		);
		// A delivery sent again must be recognised in a real n8n, where n8n answers only once the
		// execution exists (and drops static data written in webhook() then): nodes/shared/dedup.ts.
		await check(
			'a genuine delivery sent again is acknowledged and starts no second execution',
			async () => {
				const d = delivered.find((x) => x.url === urlOf(wf.TRIGGER_FINISHED));
				const hook = [...sb.amiqus.state.webhooks.values()].find(
					(h) => h.url === urlOf(wf.TRIGGER_FINISHED),
				);
				const headers = {
					'Content-Type': 'application/json',
					'X-AQID-Delivery-Id': d.deliveryId,
					'X-AQID-Delivery-Attempt': '2',
					'X-AQID-Signature': sb.amiqus.signature(hook.secret, d.body),
				};
				const replay = await request('POST', urlOf(wf.TRIGGER_FINISHED), { headers, body: d.body });
				eq(replay.status, 200, `replayed genuine delivery (${replay.text.slice(0, 100)})`);
				await sleep(1500);
				const list = await server.executions({ workflowId: wf.TRIGGER_FINISHED.id });
				eq(list.length, 1, 'executions of the record.finished workflow after the replay');
				assert(
					/duplicate/.test(replay.text),
					`the replay is acknowledged as a duplicate (${replay.text.slice(0, 100)})`,
				);
			},
		);
		// n8n hands each request its own copy of the static data; copies in flight at once are caught
		// by the trigger's in-process record: one runs, the others are duplicates or told to retry (409).
		// The key is the signed body, so copies with other (unsigned) delivery ids are copies too.
		await check(
			'five copies of a new signed body sent at once, with different delivery ids, start exactly one execution',
			async () => {
				const d = delivered.find((x) => x.url === urlOf(wf.TRIGGER_FINISHED));
				const hook = [...sb.amiqus.state.webhooks.values()].find(
					(h) => h.url === urlOf(wf.TRIGGER_FINISHED),
				);
				const body = d.body.replace(
					/"triggered_at":"[^"]+"/,
					`"triggered_at":"${new Date().toISOString()}"`,
				);
				const headers = (i) => ({
					'Content-Type': 'application/json',
					'X-AQID-Delivery-Id': `e2e-concurrent-copy-${i}`,
					'X-AQID-Delivery-Attempt': '1',
					'X-AQID-Signature': sb.amiqus.signature(hook.secret, body),
				});
				const answers = await Promise.all(
					Array.from({ length: 5 }, (_, i) =>
						request('POST', urlOf(wf.TRIGGER_FINISHED), { headers: headers(i), body }),
					),
				);
				const ran = answers.filter((r) => r.status === 200 && !/duplicate/.test(r.text));
				eq(
					ran.length,
					1,
					`copies answered as the one that runs (statuses ${answers.map((r) => r.status)})`,
				);
				assert(
					answers.every((r) => r.status === 200 || r.status === 409),
					`statuses ${answers.map((r) => r.status)}`,
				);
				await sleep(1500);
				eq(
					(await server.executions({ workflowId: wf.TRIGGER_FINISHED.id })).length,
					2,
					'executions after the copies (one earlier, one new)',
				);
			},
		);
		await check(
			`under CPU load, ${LOAD_DELIVERIES} signed deliveries at concurrency 10: every one becomes one successful execution`,
			async () => {
				await loadCheck(sb, server);
			},
		);
		await check('deactivation removes the webhooks from the sandbox', async () => {
			await server.deactivate(wf.TRIGGER_FINISHED.id);
			await server.deactivate(wf.TRIGGER_ALL.id);
			await server.deactivate(wf.TRIGGER_LOAD.id);
			const t = Date.now();
			let hooks = [];
			await waitFor(async () => (hooks = await listHooks()).length === 0, { timeoutMs: 40000 });
			log(`webhooks removed ${Date.now() - t} ms after the deactivate calls`);
			eq(hooks.length, 0, `webhooks left: ${JSON.stringify(hooks.map((h) => h.url))}`);
			const r = await request('POST', urlOf(wf.TRIGGER_FINISHED), {
				headers: { 'Content-Type': 'application/json' },
				body: '{}',
			});
			eq(r.status, 404, 'webhook URL after deactivation');
		});
	};

	/**
	 * The count test of issue 17: a bounded busy loop per core beside n8n, LOAD_DELIVERIES distinct
	 * signed deliveries sent 10 at a time, each sent again (as Amiqus retries) while it is answered
	 * with anything but a 2xx. Then every delivery must have been answered 2xx and be exactly one
	 * successful execution: a count, not a timing.
	 */
	async function loadCheck(sb, server) {
		const url = `${server.baseUrl}/webhook/${wf.TRIGGER_LOAD.webhookId}/webhook`;
		const hook = [...sb.amiqus.state.webhooks.values()].find((h) => h.url === url);
		assert(hook, 'the load workflow registered no webhook');
		const make = (i) => {
			const body = JSON.stringify({
				webhook: { uuid: hook.uuid, events: hook.events },
				trigger: { triggered_at: new Date().toISOString(), alias: 'record.reviewed' },
				data: { record: { id: 500000 + i } },
			});
			return {
				body,
				headers: {
					'Content-Type': 'application/json',
					'X-AQID-Delivery-Id': `e2e-load-${i}`,
					'X-AQID-Signature': sb.amiqus.signature(hook.secret, body),
				},
			};
		};
		const bodies = Array.from({ length: LOAD_DELIVERIES }, (_, i) => make(i));
		const cpu = startCpuLoad({ maxSeconds: 600 });
		let answered;
		let pending = bodies.map((_, i) => i);
		const attempts = [];
		try {
			for (let attempt = 1; attempt <= 5 && pending.length; attempt++) {
				answered = await deliver(url, (j) => bodies[pending[j]], {
					count: pending.length,
					concurrency: 10,
				});
				attempts.push(answered.byStatus);
				pending = pending.filter(
					(_, j) => !(answered.statuses[j] >= 200 && answered.statuses[j] < 300),
				);
				if (pending.length) await sleep(2000);
			}
		} finally {
			await cpu.stop();
		}
		log(
			`answers per attempt (status: count): ${attempts.map((a) => JSON.stringify(a)).join(', ')}`,
		);
		eq(pending.length, 0, 'deliveries never answered 2xx after 5 attempts');
		const ex = await settle(server, wf.TRIGGER_LOAD.id, LOAD_DELIVERIES);
		const list = await allExecutions(server, wf.TRIGGER_LOAD.id);
		log(
			`executions: ${ex.executions}, successful: ${ex.successful}, failed: ${JSON.stringify(ex.errors.slice(0, 5))}`,
		);
		eq(ex.successful, LOAD_DELIVERIES, 'successful executions');
		assert(list.length >= LOAD_DELIVERIES, `executions ${list.length}`);
	}
}

module.exports = { createChecks };
