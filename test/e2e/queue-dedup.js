'use strict';
// De-duplication across n8n processes, measured: the same signed Amiqus delivery sent to two
// different webhook processes, spaced out (after the first answer, plus a gap) and at the same moment,
// and, as a control, copies at the same moment to one process. Counts the executions each delivery
// started (by the trigger's deliveryId). Nothing here depends on how the trigger de-duplicates: it
// measures whatever design the package has. Used by test/e2e/queue.js and bench/queue.js.
const { request, nodeOutput, sleep } = require('./n8n');

/** A signed record.finished delivery for the sandbox webhook `hook`, with its own delivery id. */
function signedDelivery(sb, hook, recordId, deliveryId) {
	const now = new Date().toISOString();
	const body = JSON.stringify({
		webhook: { uuid: hook.uuid, created_at: now, events: hook.events },
		trigger: { triggered_at: now, alias: 'record.finished' },
		data: { record: { id: recordId, show: `${sb.amiqus.baseUrl}/records/${recordId}` } },
	});
	return {
		body,
		headers: {
			'Content-Type': 'application/json',
			'User-Agent': 'Amiqus AmiqusID/2',
			'X-AQID-Delivery-Id': deliveryId,
			'X-AQID-Delivery-Attempt': '1',
			'X-AQID-Signature': sb.amiqus.signature(hook.secret, body),
		},
	};
}

/**
 * @param {object} o
 * @param {object} o.sb        the sandbox
 * @param {object} o.topo      test/e2e/queue-topology.js
 * @param {string} o.workflowId  an active Amiqus Trigger workflow (record.finished) with `webhookId`
 * @param {string} o.webhookId
 * @param {number} [o.trials=5]  deliveries per scenario
 * @param {number[]} [o.gapsMs]  pauses between the first answer and the copy to the other process
 * @param {string} [o.prefix]    delivery id prefix (unique per run)
 */
async function measureDedup({
	sb,
	topo,
	workflowId,
	webhookId,
	trials = 5,
	gapsMs = [0, 250, 1000, 3000],
	prefix = `dedup-${Date.now()}`,
	log = () => {},
}) {
	const [a, b] = topo.webhooks;
	const url = (server) => `${server.baseUrl}/webhook/${webhookId}/webhook`;
	const hook = [...sb.amiqus.state.webhooks.values()].find((h) => h.url === url(a));
	if (!hook) throw new Error(`no Amiqus webhook registered for ${url(a)}`);
	const recordId = sb.amiqus.seed.record().id;
	const send = async (server, d) => {
		const r = await request('POST', url(server), {
			headers: d.headers,
			body: d.body,
			timeoutMs: 30000,
		});
		return { status: r.status, duplicate: /duplicate/i.test(r.text) };
	};
	// Each scenario sends one trial's copies; d(k) is the trial's k-th distinct delivery.
	const scenarios = [
		...gapsMs.map((gap) => ({
			name: `other process, ${gap} ms after the first answer`,
			run: async (d) => {
				const first = await send(a, d(0));
				await sleep(gap);
				return [first, await send(b, d(0))];
			},
		})),
		{
			name: 'two processes at the same moment',
			run: (d) => Promise.all([send(a, d(0)), send(b, d(0))]),
		},
		{
			name: 'one process, three copies at the same moment (control)',
			run: (d) => Promise.all([send(a, d(0)), send(a, d(0)), send(a, d(0))]),
		},
		// Two new deliveries at once, one per process, then each replayed to the other process: each
		// process saves the whole static data it loaded, so one save can drop the other's id.
		{
			name: 'two different deliveries at once (one per process), each replayed to the other process 3 s later',
			distinct: 2,
			run: async (d) => {
				const first = await Promise.all([send(a, d(0)), send(b, d(1))]);
				await sleep(3000);
				return [...first, ...(await Promise.all([send(b, d(0)), send(a, d(1))]))];
			},
		},
	];
	const sent = []; // { scenario, deliveryIds, answers }
	for (const [si, s] of scenarios.entries()) {
		for (let i = 0; i < trials; i++) {
			const deliveryIds = Array.from(
				{ length: s.distinct || 1 },
				(_, k) => `${prefix}-s${si}-t${i}-d${k}`,
			);
			const made = deliveryIds.map((id) => signedDelivery(sb, hook, recordId, id));
			sent.push({ scenario: s.name, deliveryIds, answers: await s.run((k) => made[k]) });
			await sleep(100);
		}
	}
	const ids = sent.flatMap((x) => x.deliveryIds);
	const list = await topo.settle(workflowId, { atLeast: ids.length, stableMs: 4000 });
	const full = await topo.allExecutions(workflowId, { includeData: true });
	const count = new Map();
	for (const e of full) {
		const id = nodeOutput(e, 'Amiqus Trigger')[0]?.json?.deliveryId;
		if (id) count.set(id, (count.get(id) || 0) + 1);
	}
	const figures = scenarios.map((s) => {
		const mine = sent.filter((x) => x.scenario === s.name);
		const executions = mine.flatMap((x) => x.deliveryIds.map((id) => count.get(id) || 0));
		return {
			scenario: s.name,
			deliveries: executions.length,
			copiesEach: mine[0].answers.length / mine[0].deliveryIds.length,
			startedOnce: executions.filter((n) => n === 1).length,
			duplicated: executions.filter((n) => n > 1).length,
			lost: executions.filter((n) => n === 0).length,
			extraExecutions: executions.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
			answers: [
				...new Set(
					mine.flatMap((x) =>
						x.answers.map((r) => `${r.status}${r.duplicate ? ' duplicate' : ''}`),
					),
				),
			].sort(),
		};
	});
	for (const f of figures)
		log(
			`de-duplication: ${f.scenario}: ${f.startedOnce}/${f.deliveries} started once, ${f.duplicated} duplicated, ${f.lost} lost (answers: ${f.answers.join(', ')})`,
		);
	return { figures, executions: list.length };
}

module.exports = { measureDedup, signedDelivery };
