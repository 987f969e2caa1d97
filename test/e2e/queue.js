#!/usr/bin/env node
'use strict';
// `npm run test:queue`: this package in n8n's queue mode (test/e2e/queue-topology.js: PostgreSQL,
// Redis, one main, two workers, two webhook processes, each with the package installed).
// - The action workflows of the single-process suite (Amiqus, Ondato, Identomat, Verigram, Nevis),
//   started by a webhook, run on a worker with the same checks (test/e2e/providers/).
// - A binary downloaded on a worker is readable by the next node (binary data mode "database").
// - The Ondato token: fetched at most once per worker after it expired, not once per item.
// - Amiqus Trigger: activation on the main registers the webhook once; signed deliveries to either
//   webhook process run on a worker; forged ones start nothing; de-duplication across processes is
//   measured (test/e2e/queue-dedup.js); deactivation removes the webhook.
// - The provider triggers (Ondato, Identomat, Verigram, Nevis) through the webhook processes.
//
//   node test/e2e/queue.js [--build] [--keep] [--no-providers]
const fs = require('fs');
const path = require('path');
const { REPO, request, nodeOutput, nodeType, sleep } = require('./n8n');
const { startTopology, webhookStarted } = require('./queue-topology');
const { measureDedup } = require('./queue-dedup');
const { assert, eq, log, waitFor, createRun } = require('./checks');
const wf = require('./workflows');
const providers = require('./providers');

const argv = process.argv.slice(2);
const KEEP = argv.includes('--keep');
const PROVIDER_TRIGGERS = !argv.includes('--no-providers');
const { check, allPassed, finish } = createRun({ label: 'e2e queue', prefix: 'queue › ' });

// ---------------------------------------------------------------- fixtures
const DEDUP = { id: 'e2eQueueDedup01', webhookId: '5d7a1c3e-3333-4a2b-9c3d-0000000000d1' };
const ONDATO_ITEMS = 25;

/** The Amiqus chain, started by a webhook, with a node after Download PDF that reads the file. */
function onboarding() {
	const w = webhookStarted(wf.onboarding());
	const last = w.nodes[w.nodes.length - 1];
	w.nodes.push({
		id: `${w.id}-read`,
		name: 'Read PDF',
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		position: [last.position[0] + 220, 0],
		parameters: {
			operation: 'text',
			binaryPropertyName: 'pdf',
			destinationKey: 'text',
			options: {},
		},
	});
	w.connections[last.name] = { main: [[{ node: 'Read PDF', type: 'main', index: 0 }]] };
	return w;
}

/** Webhook → one item per id in the body → Ondato › Identity Verification › Get. */
function ondatoItems() {
	return webhookStarted(
		wf.chain('e2eQueueOndTok1', 'e2e queue: Ondato reads, many items', [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				name: 'Get Verification',
				type: nodeType('ondato'),
				credentials: {
					ondatoApi: { id: providers.CRED.ondato.id, name: providers.CRED.ondato.name },
				},
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: '={{ $json.id }}',
				},
			},
		]),
	);
}

const dedupWorkflow = () =>
	wf.chain(DEDUP.id, 'e2e queue: Amiqus Trigger for de-duplication', [
		{
			name: 'Amiqus Trigger',
			type: nodeType('amiqusTrigger'),
			webhookId: DEDUP.webhookId,
			credentials: { amiqusApi: { id: wf.CRED.id, name: wf.CRED.name } },
			parameters: { events: ['record.finished'], options: {} },
		},
		{ name: 'Done', type: 'n8n-nodes-base.noOp' },
	]);

// ---------------------------------------------------------------- main
async function main() {
	const { startSandbox } = require(path.join(REPO, 'sandbox'));
	const sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	console.log(`sandbox ${sb.url}`);
	const actions = {};
	let topo;
	try {
		await check(
			'topology: PostgreSQL, Redis, main, 2 workers, 2 webhook processes, package installed on each',
			async () => {
				topo = await startTopology({
					name: `queue-${process.pid}`,
					log,
					buildFirst: argv.includes('--build') ? 'always' : 'ifStale',
					credentials: [...wf.credentials(sb), ...providers.credentials(sb)],
					workflows: (plan) => {
						const list = [
							onboarding(),
							webhookStarted(wf.badToken()),
							ondatoItems(),
							...providers
								.workflows(providers.plan(plan.webhookUrls[0]))
								.map((w) => (providers.ACTION_IDS.includes(w.id) ? webhookStarted(w) : w)),
						];
						for (const w of list) if (w.webhookPath) actions[w.id] = w;
						return [...list, ...wf.triggers(), dedupWorkflow()];
					},
				});
				for (const [k, v] of Object.entries(topo.timings)) log(`${k}: ${v} ms`);
				for (const n of topo.processes)
					assert(
						fs.existsSync(
							path.join(
								n.folder,
								'.n8n',
								'nodes',
								'node_modules',
								'n8n-nodes-identity-verification',
								'package.json',
							),
						),
						`package not installed in ${n.folder}`,
					);
			},
		);
		if (!topo) return;
		await run(sb, topo, actions);
	} finally {
		const ok = allPassed();
		if (topo) await topo.stop({ keep: KEEP || !ok });
		await sb.close();
		if (topo && (KEEP || !ok))
			console.log(
				`kept: ${path.relative(REPO, topo.folder)} (logs: */n8n-server.log) and .queue-env/${path.basename(topo.folder)}`,
			);
	}
}

async function run(sb, topo, actions) {
	const ranOn = [];
	// A GET to a POST webhook is answered "not registered for GET" once the route is served.
	const activateAction = async (w) =>
		topo.activate(w.id, {
			path: w.webhookPath,
			method: 'GET',
			expect: (r) => /not registered for GET/i.test(r.text),
		});
	await check(
		'action workflows activated (webhook-started) and served by both webhook processes',
		async () => {
			for (const w of Object.values(actions)) await activateAction(w);
		},
	);

	// ---- the single-process suite's action workflows, on the workers
	let amiqus;
	await check(
		'Amiqus chain (create client → record → get → download PDF → read PDF) runs on a worker',
		async () => {
			sb.clearRequests();
			amiqus = await topo.runOnWorker(actions[wf.onboarding().id]);
			ranOn.push(amiqus.worker);
			log(`Amiqus chain: execution ${amiqus.executionId} on ${amiqus.worker}, ${amiqus.ms} ms`);
			eq(amiqus.status, 'success', `status ${amiqus.output.slice(0, 300)}`);
			assert(/^worker-\d$/.test(amiqus.worker), `ran on ${amiqus.worker}`);
			const client = nodeOutput(amiqus.run, 'Create Client')[0]?.json;
			eq(client?.reference, 'e2e-ada', 'client reference');
			assert(sb.amiqus.state.clients.get(client.id), 'client in the sandbox');
			const record = nodeOutput(amiqus.run, 'Get Record')[0]?.json;
			eq(record?.client?.name?.first_name, 'Ada', 'expanded client');
			eq(
				sb.requests('amiqus').filter((q) => q.method === 'POST' && q.path === '/clients').length,
				1,
				'POST /clients received',
			);
		},
	);
	await check(
		'binary data: the PDF downloaded on a worker is stored in the database and readable by the next node',
		async () => {
			const bin = nodeOutput(amiqus.run, 'Download PDF')[0]?.binary?.pdf;
			assert(bin, 'no binary "pdf"');
			eq(bin.mimeType, 'application/pdf', 'mimeType');
			assert(
				String(bin.id || '').startsWith('database:'),
				`binary id ${bin.id} (expected database mode)`,
			);
			const text = nodeOutput(amiqus.run, 'Read PDF')[0]?.json?.text;
			assert(
				typeof text === 'string' && text.startsWith('%PDF-'),
				`the next node read: ${JSON.stringify(text)?.slice(0, 80)}`,
			);
			log(
				`binary ${bin.id}, ${bin.fileSize}; the next node read ${text.length} characters starting with %PDF-`,
			);
		},
	);
	await check('a revoked token fails on the worker, naming Amiqus and the 401', async () => {
		const r = await topo.runOnWorker(actions[wf.badToken().id]);
		ranOn.push(r.worker);
		assert(r.status !== 'success', `status ${r.status}`);
		const text = JSON.stringify(r.run.data?.resultData);
		assert(
			/Amiqus: The credentials were not accepted \(HTTP 401\)/.test(text),
			`error: ${text.slice(0, 400)}`,
		);
		assert(!text.includes('revoked-xxxx'), 'the token leaks into the error');
	});
	// The other providers: the same checks as the single-process suite, the workflow run on a worker.
	const providerChecks = providers.createChecks({
		check: (name, fn) => check(name.replace('execute --id', 'on a worker'), fn),
		assert,
		eq,
		log,
		waitFor,
	});
	providerChecks.state.plan = providers.plan(topo.plan.webhookUrls[0]);
	sb.clearRequests();
	await providerChecks.cliChecks(sb, {
		execute: async (id) => {
			const r = await topo.runOnWorker(actions[id]);
			ranOn.push(r.worker);
			return r;
		},
	});
	await check('every action workflow ran on a worker, and both workers took some', async () => {
		assert(
			ranOn.length >= 6 && ranOn.every((w) => /^worker-\d$/.test(w)),
			`ran on ${JSON.stringify(ranOn)}`,
		);
		log(`action executions by process: ${JSON.stringify(ranOn)}`);
	});

	// ---- the Ondato token across workers
	await check(
		`Ondato token: after expiry, at most one token request per worker for 4 runs × ${ONDATO_ITEMS} items`,
		async () => {
			const id = providerChecks.state.ondatoId;
			assert(id, 'no identity verification from the Ondato action workflow');
			const w = actions.e2eQueueOndTok1;
			const expired = (await request('POST', `${sb.url}/_control/ondato/tokens/expire`)).json
				?.expired;
			const before = sb.ondato.tokenRequests;
			const runs = await Promise.all(
				[0, 1, 0, 1].map((via) =>
					topo.runOnWorker(w, { items: Array(ONDATO_ITEMS).fill({ id }) }, { via }),
				),
			);
			const tokens = sb.ondato.tokenRequests - before;
			const workers = new Set(runs.map((r) => r.worker));
			const items = runs.reduce(
				(n, r) => n + nodeOutput(r.run, 'Get Verification').filter((i) => i.json?.id === id).length,
				0,
			);
			log(
				`Ondato: ${expired} token(s) expired; ${runs.length} runs on ${[...workers].join(' + ')}, ${items} items read, ${tokens} token request(s)`,
			);
			const seq = sb
				.requests('ondato')
				.filter((q) => q.path.includes('/connect/token') || q.status === 401)
				.map((q) => `${q.time.slice(17, 23)} ${q.path.includes('token') ? 'token' : '401'}`);
			log(`Ondato token requests and refusals in order: ${seq.slice(-12).join(', ')}`);
			assert(
				runs.every((r) => r.status === 'success'),
				`statuses ${runs.map((r) => r.status)}: ${runs
					.map((r) => r.output)
					.join(' ')
					.slice(0, 300)}`,
			);
			eq(items, 4 * ONDATO_ITEMS, 'items read');
			assert(
				tokens >= 1 && tokens <= workers.size,
				`${tokens} token requests for ${workers.size} worker(s)`,
			);
			const again = sb.ondato.tokenRequests;
			const r = await topo.runOnWorker(w, { items: Array(ONDATO_ITEMS).fill({ id }) }, { via: 1 });
			eq(r.status, 'success', 'status of a run before expiry');
			eq(
				sb.ondato.tokenRequests - again,
				0,
				`token requests of a run on ${r.worker} before expiry`,
			);
		},
	);

	// ---- Amiqus Trigger through the webhook processes
	const listHooks = async () => {
		const r = await request('GET', `${sb.amiqus.baseUrl}/webhooks`, {
			headers: {
				Authorization: `Bearer ${sb.amiqus.config.personalTokens[0]}`,
				Accept: 'application/json',
			},
		});
		return r.json?.data || [];
	};
	const hookUrl = (id, i = 0) => `${topo.webhooks[i].baseUrl}/webhook/${id}/webhook`;
	const triggers = [wf.TRIGGER_FINISHED, wf.TRIGGER_ALL, DEDUP];
	await check(
		"activation from the main registers each Amiqus webhook once, with the webhook processes' URL",
		async () => {
			sb.clearRequests();
			for (const t of triggers) await topo.activate(t.id, { path: `${t.webhookId}/webhook` });
			const hooks =
				(await waitFor(
					async () => {
						const h = await listHooks();
						return h.length >= 3 && h;
					},
					{ timeoutMs: 40000 },
				)) || (await listHooks());
			for (const t of triggers)
				eq(hooks.filter((h) => h.url === hookUrl(t.webhookId)).length, 1, `webhooks for ${t.id}`);
			eq(hooks.length, 3, 'webhooks in the sandbox');
			await sleep(1500);
			const posts = sb
				.requests('amiqus')
				.filter((q) => q.method === 'POST' && q.path === '/webhooks');
			eq(posts.length, 3, 'POST /webhooks received (one per trigger, not one per process)');
		},
	);
	const recordId = nodeOutput(amiqus?.run, 'Create Record')[0]?.json?.id;
	let delivered = [];
	await check(
		'signed deliveries to a webhook process run on the workers, one execution each',
		async () => {
			assert(recordId, 'no record from the Amiqus chain');
			const before = sb.amiqus.deliveries.length;
			eq(
				(
					await request('POST', `${sb.url}/_control/amiqus/records/${recordId}/complete`, {
						body: { outcome: 'accepted' },
					})
				).status,
				200,
				'complete control',
			);
			// record.updated + record.finished to record.*, record.finished to each of the other two
			await sb.amiqus.waitForDeliveries(before + 4, 30000);
			await sleep(500);
			delivered = sb.amiqus.deliveries
				.slice(before)
				.filter((d) => d.url !== hookUrl(DEDUP.webhookId));
			assert(
				delivered.every((d) => d.ok),
				`refused: ${JSON.stringify(delivered.filter((d) => !d.ok).map((d) => [d.event, d.status]))}`,
			);
			const fin = await topo.main.waitForExecutions(wf.TRIGGER_FINISHED.id, 1, {
				timeoutMs: 30000,
			});
			eq(fin.length, 1, 'record.finished executions');
			const item = nodeOutput(fin[0], 'Amiqus Trigger')[0]?.json;
			eq(item?.record?.id, recordId, 'fetched record (on the worker)');
			const expected = delivered.filter((d) => d.url === hookUrl(wf.TRIGGER_ALL.webhookId)).length;
			const all = await topo.main.waitForExecutions(wf.TRIGGER_ALL.id, expected, {
				timeoutMs: 30000,
			});
			eq(all.length, expected, 'record.* executions');
			const by = [...fin, ...all].map((e) => topo.ranBy(e.id));
			assert(
				by.every((w) => /^worker-\d$/.test(w)),
				`ran on ${JSON.stringify(by)}`,
			);
			log(`trigger executions by process: ${JSON.stringify(by)}`);
		},
	);
	await check('a signed delivery sent to the second webhook process runs on a worker', async () => {
		const hook = [...sb.amiqus.state.webhooks.values()].find(
			(h) => h.url === hookUrl(wf.TRIGGER_FINISHED.webhookId),
		);
		const d = delivered.find((x) => x.url === hook.url);
		const headers = {
			'Content-Type': 'application/json',
			'X-AQID-Delivery-Id': 'queue-second-process-1',
			'X-AQID-Delivery-Attempt': '1',
			'X-AQID-Signature': sb.amiqus.signature(hook.secret, d.body),
		};
		const r = await request('POST', hookUrl(wf.TRIGGER_FINISHED.webhookId, 1), {
			headers,
			body: d.body,
		});
		eq(r.status, 200, `answer ${r.text.slice(0, 100)}`);
		const list = await topo.main.waitForExecutions(wf.TRIGGER_FINISHED.id, 2, { timeoutMs: 30000 });
		eq(list.length, 2, 'executions');
		const e = list.find(
			(x) => nodeOutput(x, 'Amiqus Trigger')[0]?.json?.deliveryId === 'queue-second-process-1',
		);
		assert(e, 'no execution with that delivery id');
		assert(/^worker-\d$/.test(topo.ranBy(e.id)), `ran on ${topo.ranBy(e.id)}`);
	});
	await check(
		'forged deliveries to either webhook process are refused and start nothing',
		async () => {
			const d = delivered.find((x) => x.url === hookUrl(wf.TRIGGER_FINISHED.webhookId));
			const headers = {
				'Content-Type': 'application/json',
				'X-AQID-Delivery-Id': 'queue-forged-1',
				'X-AQID-Delivery-Attempt': '1',
				'X-AQID-Signature': Buffer.alloc(32, 7).toString('base64'),
			};
			const answers = [];
			for (const i of [0, 1]) {
				answers.push(
					await request('POST', hookUrl(wf.TRIGGER_FINISHED.webhookId, i), {
						headers,
						body: d.body,
					}),
				);
				answers.push(
					await request('POST', hookUrl(wf.TRIGGER_FINISHED.webhookId, i), {
						headers: { 'Content-Type': 'application/json', 'X-AQID-Delivery-Id': 'queue-forged-2' },
						body: d.body,
					}),
				);
			}
			assert(
				answers.every((r) => r.status >= 400 && r.status < 500),
				`statuses ${answers.map((r) => r.status)}`,
			);
			await sleep(2000);
			eq(
				(await topo.main.executions({ workflowId: wf.TRIGGER_FINISHED.id })).length,
				2,
				'executions after forged deliveries',
			);
		},
	);
	await check(
		'a genuine delivery replayed 3 s later to the webhook process that already took it starts no second execution',
		async () => {
			// The second webhook process took this body above; de-duplication is per process in queue mode (README "Scaling").
			const hook = [...sb.amiqus.state.webhooks.values()].find(
				(h) => h.url === hookUrl(wf.TRIGGER_FINISHED.webhookId),
			);
			const d = delivered.find((x) => x.url === hook.url);
			const headers = {
				'Content-Type': 'application/json',
				'X-AQID-Delivery-Id': d.deliveryId,
				'X-AQID-Delivery-Attempt': '2',
				'X-AQID-Signature': sb.amiqus.signature(hook.secret, d.body),
			};
			const r = await request('POST', hookUrl(wf.TRIGGER_FINISHED.webhookId, 1), {
				headers,
				body: d.body,
			});
			eq(r.status, 200, 'answer');
			await sleep(2500);
			eq(
				(await topo.main.executions({ workflowId: wf.TRIGGER_FINISHED.id })).length,
				2,
				'executions after the replay',
			);
		},
	);
	await check(
		'de-duplication across webhook processes, measured (nothing lost; copies at one process held)',
		async () => {
			// Workers do not write the durable record (their copy of the static data is empty; README "Scaling"),
			// so a copy to the other process may run again: measured, not asserted.
			const m = await measureDedup({
				sb,
				topo,
				workflowId: DEDUP.id,
				webhookId: DEDUP.webhookId,
				trials: 3,
				gapsMs: [0, 3000],
				log,
			});
			for (const f of m.figures) eq(f.lost, 0, `${f.scenario}: deliveries that started nothing`);
			const control = m.figures.find((f) => f.scenario.includes('one process'));
			eq(control.duplicated, 0, 'copies at the same moment to one process that ran twice');
			console.log(
				`queue de-duplication figures: ${JSON.stringify(m.figures.map(({ answers, ...f }) => f))}`,
			);
		},
	);

	// ---- the other providers' triggers, delivered to the webhook processes
	if (PROVIDER_TRIGGERS) {
		const server = Object.create(topo.main);
		server.baseUrl = topo.webhooks[0].baseUrl;
		server.api = (...a) => topo.main.api(...a);
		server.rest = (...a) => topo.main.rest(...a);
		server.waitForWebhook = async (p, o) => {
			for (const w of topo.webhooks) await w.waitForWebhook(p, o);
		};
		await providerChecks.triggerChecks(sb, server);
	}

	await check(
		'deactivation from the main removes the Amiqus webhooks; the webhook processes stop serving them',
		async () => {
			for (const t of triggers) await topo.main.deactivate(t.id);
			const hooks =
				(await waitFor(
					async () => {
						const h = await listHooks();
						return h.length === 0 ? h : null;
					},
					{ timeoutMs: 40000 },
				)) || (await listHooks());
			eq(hooks.length, 0, `webhooks left: ${JSON.stringify(hooks.map((h) => h.url))}`);
			for (const i of [0, 1]) {
				const r = await waitFor(
					async () => {
						const x = await request('POST', hookUrl(wf.TRIGGER_FINISHED.webhookId, i), {
							body: '{}',
						});
						return x.status === 404 ? x : null;
					},
					{ timeoutMs: 20000 },
				);
				assert(r, `webhook process ${i + 1} still serves the deactivated trigger`);
			}
		},
	);
}

finish(main);
