#!/usr/bin/env node
'use strict';
// `npm run bench:queue`: this package in n8n's queue mode (test/e2e/queue-topology.js: PostgreSQL,
// Redis, one main, two workers, two webhook processes), side by side with n8n's own nodes in the same
// topology. One run, ratios (the machine is shared and noisy); not a timed test.
// - Webhook ingestion: signed Amiqus deliveries to the Amiqus Trigger vs the same bodies to a plain
//   Webhook node, alternating between the two webhook processes; answered/s and executed/s.
// - Reads: 1,000 × Amiqus › Record › Get vs the HTTP Request node, in one execution on a worker.
// - De-duplication across the webhook processes (test/e2e/queue-dedup.js), more trials than the test.
// Writes bench/results/queue.json and bench/results/queue.md.
//
//   node bench/queue.js [--items 1000] [--deliveries 500] [--trials 10] [--lazy-isolate]
//     --lazy-isolate: N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true on every process; writes queue-lazy-isolate.*
const fs = require('fs');
const os = require('os');
const path = require('path');
const { request, nodeOutput, sleep } = require('../test/e2e/n8n');
const { startTopology, webhookStarted } = require('../test/e2e/queue-topology');
const { measureDedup, signedDelivery } = require('../test/e2e/queue-dedup');
const { chain } = require('../test/e2e/workflows');
const { startSandbox } = require('../sandbox');
const {
	argv,
	arg,
	elapsed,
	logger,
	type,
	round,
	ratio,
	markdownTable,
	httpRequestRecordGet,
} = require('./common');

const ITEMS = arg('items', 1000);
const DELIVERIES = arg('deliveries', 500);
const TRIALS = arg('trials', 10);
const CONCURRENCY = 10;
const LAZY = argv.includes('--lazy-isolate');
const NAME = LAZY ? 'queue-lazy-isolate' : 'queue';
const OUT = path.join(__dirname, 'results');
const log = logger('bench:queue');

const CRED = {
	amiqus: { id: 'qbenchAmiqusCrd', name: 'Amiqus sandbox (queue bench)' },
	header: { id: 'qbenchHeaderCrd', name: 'Amiqus token header (queue bench)' },
};
const WF = {
	read: 'qbenchReads0001',
	trigger: 'qbenchTrigger01',
	plain: 'qbenchPlainHook',
	dedup: 'qbenchDedup0001',
};
const HOOK = {
	trigger: '7e57be0c-4444-4000-8000-00000000be04',
	plain: '7e57be0c-5555-4000-8000-00000000be05',
	dedup: '7e57be0c-6666-4000-8000-00000000be06',
};
const PLAIN_PATH = 'qbench-plain';

function workflows(sb) {
	const amiqus = { amiqusApi: CRED.amiqus };
	const read = webhookStarted(
		chain(WF.read, 'queue bench: 1,000 reads', [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				name: 'Amiqus',
				type: type('amiqus'),
				credentials: amiqus,
				parameters: {
					resource: 'record',
					operation: 'get',
					recordId: { __rl: true, mode: 'id', value: '={{ $json.a }}' },
					options: { expandClient: true },
				},
			},
		]),
	);
	read.nodes.push({
		id: `${WF.read}-http`,
		...httpRequestRecordGet(sb.amiqus.baseUrl, CRED.header, [440, 200]),
	});
	read.connections.Items.main[0].push({ node: 'HTTP Request', type: 'main', index: 0 });
	const trigger = (id, webhookId, name) =>
		chain(id, name, [
			{
				name: 'Amiqus Trigger',
				type: type('amiqusTrigger'),
				webhookId,
				credentials: amiqus,
				parameters: { events: ['record.finished'], options: {} },
			},
			{ name: 'Done', type: 'n8n-nodes-base.noOp' },
		]);
	const plain = chain(WF.plain, 'queue bench: plain Webhook', [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: HOOK.plain,
			parameters: { path: PLAIN_PATH, httpMethod: 'POST', responseMode: 'onReceived', options: {} },
		},
		{ name: 'Done', type: 'n8n-nodes-base.noOp' },
	]);
	return [
		read,
		trigger(WF.trigger, HOOK.trigger, 'queue bench: Amiqus Trigger'),
		plain,
		trigger(WF.dedup, HOOK.dedup, 'queue bench: de-duplication'),
	];
}

/** Sends n deliveries, `CONCURRENCY` at a time, alternating between the URLs. */
async function deliver(urls, make, n) {
	let next = 0;
	let ok = 0;
	let failed = 0;
	const t = Date.now();
	const worker = async () => {
		for (;;) {
			const i = next++;
			if (i >= n) return;
			const d = make(i);
			try {
				const r = await request('POST', urls[i % urls.length], {
					headers: d.headers,
					body: d.body,
					timeoutMs: 60000,
				});
				if (r.status === 200) ok++;
				else failed++;
			} catch {
				failed++;
			}
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { ms: Date.now() - t, ok, failed, startedAt: t };
}

async function ingestion(topo, urls, make, workflowId) {
	const sent = await deliver(urls, make, DELIVERIES);
	const list = await topo.settle(workflowId, {
		atLeast: DELIVERIES,
		stableMs: 8000,
		timeoutMs: 300000,
	});
	const done = list.filter((e) => e.finished || e.stoppedAt);
	const lastStop = Math.max(...done.map((e) => Date.parse(e.stoppedAt)));
	const allMs = lastStop - sent.startedAt;
	return {
		sent: DELIVERIES,
		answered200: sent.ok,
		refusedOrFailed: sent.failed,
		answeredPerSecond: round(DELIVERIES / (sent.ms / 1000), 0),
		executions: list.length,
		successfulExecutions: list.filter((e) => e.status === 'success').length,
		allExecutedMs: allMs,
		executedPerSecond: round(done.length / (allMs / 1000), 0),
	};
}

async function main() {
	const results = {
		date: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
			n8n: fs
				.readFileSync(path.join(__dirname, '..', 'scripts', 'runtime.sh'), 'utf8')
				.match(/N8N_VERSION=\W?([\d.]+)/)?.[1],
		},
		topology: `PostgreSQL 15 + Redis 7, 1 main, 2 workers (concurrency 10 each), 2 webhook processes, binary data mode database${LAZY ? ', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true' : ''}`,
		errors: [],
	};
	const sb = await startSandbox({
		port: 0,
		timeScale: 0.001,
		quiet: true,
		providers: { amiqus: { rateLimit: { enforce: false } } },
	});
	const token = sb.amiqus.config.personalTokens[0];
	let topo;
	try {
		topo = await startTopology({
			name: `bench-queue-${process.pid}`,
			log: (s) => log(`  · ${s}`),
			credentials: [
				{
					...CRED.amiqus,
					type: 'amiqusApi',
					data: { accessToken: token, baseUrl: sb.amiqus.baseUrl },
				},
				{
					...CRED.header,
					type: 'httpHeaderAuth',
					data: { name: 'Authorization', value: `Bearer ${token}` },
				},
			],
			workflows: () => workflows(sb),
			env: LAZY ? { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } : {},
		});
		results.setupMs = topo.timings;
		const [read, trigger, plain, dedup] = workflows(sb);
		await topo.activate(read.id, {
			path: read.webhookPath,
			method: 'GET',
			expect: (r) => /not registered for GET/i.test(r.text),
		});
		await topo.activate(plain.id, {
			path: PLAIN_PATH,
			method: 'GET',
			expect: (r) => /not registered for GET/i.test(r.text),
		});
		for (const w of [trigger, dedup])
			await topo.activate(w.id, { path: `${w.nodes[0].webhookId}/webhook` });

		// ---- reads
		log(`reads: ${ITEMS} × Amiqus › Record › Get vs HTTP Request, one execution on a worker`);
		const ids = Array.from({ length: ITEMS }, () => sb.amiqus.seed.record().id);
		sb.clearRequests();
		const r = await topo.runOnWorker(
			read,
			{ items: ids.map((a) => ({ a })) },
			{ timeoutMs: 300000 },
		);
		const entry = (name) => {
			const e = r.run.data?.resultData?.runData?.[name]?.[0];
			return {
				ms: e?.executionTime,
				itemsPerSecond: e ? round(ITEMS / (e.executionTime / 1000), 0) : null,
				okItems: nodeOutput(r.run, name).filter((i) => i.json?.id !== undefined).length,
				error: e?.error?.message,
			};
		};
		const reqs = sb
			.requests('amiqus')
			.filter((q) => q.method === 'GET' && q.path.startsWith('/records/'));
		results.reads = {
			items: ITEMS,
			status: r.status,
			worker: r.worker,
			amiqus: {
				node: 'Amiqus › Record › Get (Concurrency 5, default)',
				...entry('Amiqus'),
				requestsPerItem: round(reqs.filter((q) => !q.headers['x-bench-client']).length / ITEMS, 3),
			},
			httpRequestNode: {
				node: 'HTTP Request 4.2',
				...entry('HTTP Request'),
				requestsPerItem: round(reqs.filter((q) => q.headers['x-bench-client']).length / ITEMS, 3),
			},
		};
		results.reads.amiqusVsHttpRequest = ratio(
			results.reads.httpRequestNode.ms,
			results.reads.amiqus.ms,
		);
		log(
			`reads: Amiqus ${results.reads.amiqus.itemsPerSecond}/s, HTTP Request ${results.reads.httpRequestNode.itemsPerSecond}/s (on ${r.worker})`,
		);

		// ---- ingestion
		const hook = [...sb.amiqus.state.webhooks.values()].find(
			(h) => h.url === `${topo.webhooks[0].baseUrl}/webhook/${HOOK.trigger}/webhook`,
		);
		if (!hook) throw new Error('the Amiqus Trigger registered no webhook');
		const recordId = ids[0];
		const make = (i) => signedDelivery(sb, hook, recordId, `qbench-${i}`);
		log(
			`ingestion: ${DELIVERIES} deliveries to a plain Webhook node, alternating webhook processes`,
		);
		const plainRes = await ingestion(
			topo,
			topo.webhooks.map((w) => `${w.baseUrl}/webhook/${PLAIN_PATH}`),
			make,
			WF.plain,
		);
		log(`ingestion: ${DELIVERIES} signed deliveries to the Amiqus Trigger`);
		const trigRes = await ingestion(
			topo,
			topo.webhooks.map((w) => `${w.baseUrl}/webhook/${HOOK.trigger}/webhook`),
			make,
			WF.trigger,
		);
		results.ingestion = {
			concurrency: CONCURRENCY,
			plainWebhookNode: plainRes,
			amiqusTrigger: trigRes,
			answeredRatio: ratio(trigRes.answeredPerSecond, plainRes.answeredPerSecond),
			executedRatio: ratio(trigRes.executedPerSecond, plainRes.executedPerSecond),
		};
		log(
			`ingestion: answered ${trigRes.answeredPerSecond}/s vs ${plainRes.answeredPerSecond}/s; executed ${trigRes.executedPerSecond}/s vs ${plainRes.executedPerSecond}/s`,
		);

		// ---- de-duplication
		if (TRIALS > 0) log(`de-duplication: ${TRIALS} deliveries per scenario`);
		if (TRIALS > 0)
			results.dedup = await measureDedup({
				sb,
				topo,
				workflowId: WF.dedup,
				webhookId: HOOK.dedup,
				trials: TRIALS,
				gapsMs: [0, 100, 250, 500, 1000, 3000],
				log: (s) => log(`  · ${s}`),
			});
	} catch (e) {
		results.errors.push(
			String(e.stack || e)
				.split('\n')
				.slice(0, 6)
				.join('\n'),
		);
		log(`FAILED: ${e.message}`);
	} finally {
		if (topo) await topo.stop({ keep: results.errors.length > 0 });
		await sb.close();
	}
	results.durationSeconds = round(elapsed(), 0);
	fs.mkdirSync(OUT, { recursive: true });
	fs.writeFileSync(path.join(OUT, `${NAME}.json`), `${JSON.stringify(results, null, 2)}\n`);
	fs.writeFileSync(path.join(OUT, `${NAME}.md`), report(results));
	log(`wrote bench/results/${NAME}.json and ${NAME}.md`);
	process.exit(results.errors.length ? 1 : 0);
}

function report(r) {
	const rows = [];
	if (r.reads)
		rows.push([
			`${r.reads.items} reads on a worker (items/s)`,
			`Amiqus › Record › Get: ${r.reads.amiqus.itemsPerSecond}`,
			`HTTP Request: ${r.reads.httpRequestNode.itemsPerSecond}`,
			`${r.reads.amiqusVsHttpRequest}×`,
		]);
	if (r.ingestion) {
		const { amiqusTrigger: a, plainWebhookNode: p } = r.ingestion;
		rows.push([
			`${a.sent} deliveries answered (per s, ${r.ingestion.concurrency} at a time, 2 webhook processes)`,
			`Amiqus Trigger (signature checked): ${a.answeredPerSecond}`,
			`plain Webhook node: ${p.answeredPerSecond}`,
			`${r.ingestion.answeredRatio}×`,
		]);
		rows.push([
			`${a.sent} deliveries executed on 2 workers (per s, until the last finished)`,
			`${a.executedPerSecond} (${a.successfulExecutions} executions)`,
			`${p.executedPerSecond} (${p.successfulExecutions} executions)`,
			`${r.ingestion.executedRatio}×`,
		]);
	}
	const lines = [
		'# Queue-mode bench',
		'',
		`${r.topology}; n8n ${r.machine.n8n}, ${r.machine.cpus} CPUs (load ${r.machine.loadAverageAtStart.join(', ')} at the start), ${r.date.slice(0, 10)}. One run.`,
		'',
		markdownTable(['What', 'This package', 'n8n built-in, same topology', 'Ratio'], rows),
	];
	if (r.dedup) {
		lines.push(
			'',
			'## De-duplication across the two webhook processes',
			'',
			'| Same delivery sent | Deliveries | Started once | Started twice or more | Lost |',
			'|---|---|---|---|---|',
		);
		for (const f of r.dedup.figures)
			lines.push(
				`| ${f.scenario} | ${f.deliveries} | ${f.startedOnce} | ${f.duplicated} | ${f.lost} |`,
			);
	}
	if (r.errors.length)
		lines.push('', 'Errors:', '', ...r.errors.map((e) => `    ${e.split('\n')[0]}`));
	return `${lines.join('\n')}\n`;
}

main();
