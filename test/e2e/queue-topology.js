'use strict';
// n8n's queue mode on one machine, as a team that outgrew one process runs it: PostgreSQL + Redis
// (scripts/queue-env.js), one main (`n8n start`: editor, API, trigger activation), workers
// (`n8n worker`: every execution, taken from the Redis queue) and webhook processes (`n8n webhook`:
// production webhooks). Every process has its own user folder with this package installed the way a
// user installs it, and the same encryption key. Used by test/e2e/queue.js and bench/queue.js.
//
//   const topo = await startTopology({ name, log, workflows: (plan) => [...], credentials: [...] });
//   topo.main (N8nServer), topo.workers[i], topo.webhooks[i] (N8nServer), topo.plan.webhookUrls
//   await topo.activate(id); const r = await topo.runOnWorker(id, body); // { run, status, worker }
//   await topo.stop();
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { N8n, REPO, request, freePort, sleep, nodeOutput } = require('./n8n');
const { startQueueEnv } = require('../../scripts/queue-env');

/** The process-independent settings every n8n process of the topology gets. */
function queueEnv(base, encryptionKey) {
	return {
		...base,
		N8N_ENCRYPTION_KEY: encryptionKey,
		// n8n's own default in queue mode ('filesystem' is per process: a worker could not read a file
		// another process wrote). Stated, so the set-up does not depend on the default.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Production webhooks only on the webhook processes; the main process keeps the editor and API.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		// "Execute workflow" in the editor runs on a worker too (otherwise the main runs manual executions).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

/** The same workflow started by a POST to /webhook/<path> instead of the Manual Trigger named `Start`. */
function webhookStarted(wf, webhookPath = `queue-${wf.id}`) {
	const copy = JSON.parse(JSON.stringify(wf));
	const start = copy.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!start) throw new Error(`${wf.id} has no Manual Trigger`);
	const uuid = crypto.createHash('sha256').update(wf.id).digest('hex');
	Object.assign(start, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-4${uuid.slice(13, 16)}-8${uuid.slice(17, 20)}-${uuid.slice(20, 32)}`,
		parameters: { path: webhookPath, httpMethod: 'POST', responseMode: 'onReceived', options: {} },
	});
	copy.webhookPath = webhookPath;
	return copy;
}

/**
 * @param {object} o
 * @param {string} o.name            sub-folder of .n8n-e2e/ and .queue-env/
 * @param {(plan:object)=>object[]} o.workflows  workflows to import; plan.webhookUrls are known by then
 * @param {object[]} o.credentials
 * @param {number} [o.workers=2]
 * @param {number} [o.webhooks=2]
 * @param {string|boolean} [o.buildFirst='ifStale']
 * @param {number[]} [o.webhookPorts]  preferred ports of the webhook processes
 * @param {object} [o.owner]           the owner account (N8nServer.setupOwner)
 * @param {object} [o.env]             more variables for every process
 */
async function startTopology({
	name,
	log = () => {},
	workflows,
	credentials,
	workers = 2,
	webhooks = 2,
	buildFirst = 'ifStale',
	webhookPorts: preferred = [],
	owner,
	env: extraEnv = {},
} = {}) {
	const folder = path.join('.n8n-e2e', name);
	fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
	const topo = {
		folder: path.join(REPO, folder),
		workers: [],
		webhooks: [],
		processes: [],
		timings: {},
	};
	let t = Date.now();
	const env = await startQueueEnv({ name, log });
	topo.env = env;
	topo.timings.databases = Date.now() - t;
	topo.stop = async ({ keep = false } = {}) => {
		for (const p of [...topo.webhooks, ...topo.workers, topo.main].filter(Boolean))
			await p.stop().catch(() => {});
		for (const n of topo.processes) await n.stopAll().catch(() => {});
		await env.stop({ keep });
		if (!keep) fs.rmSync(topo.folder, { recursive: true, force: true });
	};
	try {
		const shared = { ...queueEnv(env.n8nEnv, crypto.randomBytes(24).toString('hex')), ...extraEnv };
		const instance = (role) => {
			const n = new N8n({ folder: path.join(folder, role), log, env: shared });
			topo.processes.push(n);
			return n;
		};
		// ---- every process's user folder, with the package installed (npm pack + unpack)
		t = Date.now();
		const main = instance('main');
		await main.prepare({ buildFirst });
		const workerN8n = [];
		for (let i = 0; i < workers; i++)
			workerN8n.push(await instance(`worker-${i + 1}`).prepare({ buildFirst: false }));
		const webhookN8n = [];
		for (let i = 0; i < webhooks; i++)
			webhookN8n.push(await instance(`webhook-${i + 1}`).prepare({ buildFirst: false }));
		topo.timings.install = Date.now() - t;

		// ---- ports first: the workflows may carry the production URLs (a load balancer would give one)
		const webhookPorts = [];
		while (webhookPorts.length < webhooks) {
			const p = await freePort(preferred[webhookPorts.length]);
			if (!webhookPorts.includes(p)) webhookPorts.push(p);
		}
		const webhookUrls = webhookPorts.map((p) => `http://127.0.0.1:${p}`);
		topo.plan = { webhookUrls };

		// ---- database schema + fixtures (the CLI of the main's install, against PostgreSQL)
		t = Date.now();
		if (credentials.length) await main.importCredentials(credentials);
		const list = workflows(topo.plan);
		await main.importWorkflows(list);
		topo.timings.import = Date.now() - t;

		// ---- processes. Triggers registered by the main give providers the first webhook process's URL.
		t = Date.now();
		topo.main = await main.start({ env: { N8N_WEBHOOK_URL: `${webhookUrls[0]}/` } });
		const started = await Promise.all([
			...workerN8n.map((n) => n.start({ command: 'worker' })),
			...webhookN8n.map((n, i) =>
				n.start({
					command: 'webhook',
					port: webhookPorts[i],
					env: { N8N_WEBHOOK_URL: `${webhookUrls[0]}/` },
				}),
			),
		]);
		topo.workers = started.slice(0, workers);
		topo.webhooks = started.slice(workers);
		topo.webhooks.forEach((w, i) => {
			if (w.baseUrl !== webhookUrls[i])
				throw new Error(
					`webhook process ${i + 1} is on ${w.baseUrl}, not ${webhookUrls[i]} (port taken meanwhile)`,
				);
		});
		await topo.main.setupOwner(owner);
		topo.timings.start = Date.now() - t;
		log(
			`queue mode: main ${topo.main.baseUrl} (pid ${topo.main.pid}), workers pid ${topo.workers.map((w) => w.pid).join(', ')}, webhook processes ${topo.webhooks.map((w) => `${w.baseUrl} (pid ${w.pid})`).join(', ')}`,
		);
	} catch (e) {
		await topo.stop({ keep: true }).catch(() => {});
		throw e;
	}

	const logOf = (server) => {
		try {
			return fs.readFileSync(path.join(server.n8n.folder, 'n8n-server.log'), 'utf8');
		} catch {
			return '';
		}
	};
	/** Which process ran an execution: the worker whose log says it started it, or null. */
	topo.ranBy = (executionId) => {
		const needle = `Worker started execution ${executionId} (`;
		const i = topo.workers.findIndex((w) => logOf(w).includes(needle));
		if (i >= 0) return `worker-${i + 1}`;
		return logOf(topo.main).includes(needle) ? 'main' : null;
	};

	/** Activates on the main and waits until every webhook process serves the workflow's production route. */
	topo.activate = async (id, probe) => {
		await topo.main.activate(id);
		if (!probe) return;
		const expect = probe.expect || ((r) => !(r.status === 404 && /not registered/i.test(r.text)));
		for (const w of topo.webhooks)
			await w.waitForWebhook(probe.path, {
				method: probe.method || 'POST',
				expect,
				timeoutMs: 60000,
			});
	};

	/** Executions of a workflow (public API, cursor pagination). */
	topo.allExecutions = async (workflowId, { includeData = false } = {}) => {
		const out = [];
		let cursor;
		for (;;) {
			const qs = new URLSearchParams({
				workflowId,
				limit: '250',
				...(includeData ? { includeData: 'true' } : {}),
				...(cursor ? { cursor } : {}),
			});
			const r = await topo.main.api('GET', `/executions?${qs}`);
			if (r.status !== 200) throw new Error(`executions: ${r.status} ${r.text.slice(0, 200)}`);
			out.push(...r.json.data);
			cursor = r.json.nextCursor;
			if (!cursor) return out;
		}
	};

	/** Waits until the number of finished executions stops changing (stableMs) and is at least `atLeast`. */
	topo.settle = async (workflowId, { atLeast = 0, stableMs = 3000, timeoutMs = 120000 } = {}) => {
		const end = Date.now() + timeoutMs;
		let last = -1;
		let since = Date.now();
		for (;;) {
			const list = await topo.allExecutions(workflowId);
			const done = list.filter((e) => e.finished || e.stoppedAt).length;
			if (done !== last || done < list.length) {
				last = done;
				since = Date.now();
			}
			if ((done >= atLeast && Date.now() - since >= stableMs) || Date.now() > end) return list;
			await sleep(500);
		}
	};

	/**
	 * Starts a webhook-started workflow (see webhookStarted) through a webhook process and waits for its
	 * execution. Resolves { code, run, status, output, ms, worker } like N8n.execute, plus which process ran it.
	 */
	topo.runOnWorker = async (wf, body = {}, { via = 0, timeoutMs = 120000 } = {}) => {
		const t0 = Date.now();
		// A marker in the body tells this run's execution from others of the same workflow running at once.
		const marker = crypto.randomUUID();
		const before = new Set((await topo.allExecutions(wf.id)).map((e) => e.id));
		const r = await request('POST', `${topo.webhooks[via].baseUrl}/webhook/${wf.webhookPath}`, {
			body: { ...body, queueRun: marker },
			timeoutMs: 30000,
		});
		if (r.status !== 200)
			throw new Error(`POST /webhook/${wf.webhookPath}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
		const end = Date.now() + timeoutMs;
		const seen = new Set(before);
		let run;
		while (!run) {
			for (const e of (await topo.allExecutions(wf.id)).filter(
				(x) => !seen.has(x.id) && (x.finished || x.stoppedAt),
			)) {
				seen.add(e.id);
				const full = (await topo.main.api('GET', `/executions/${e.id}?includeData=true`)).json;
				if (nodeOutput(full, 'Start')[0]?.json?.body?.queueRun === marker) {
					run = full;
					break;
				}
			}
			if (run) break;
			if (Date.now() > end)
				throw new Error(
					`no finished execution of ${wf.id} for run ${marker} within ${timeoutMs} ms`,
				);
			await sleep(300);
		}
		const error = run?.data?.resultData?.error;
		return {
			code: run.status === 'success' ? 0 : 1,
			run,
			status: run.status,
			output: error ? JSON.stringify(error) : '',
			ms: Date.now() - t0,
			worker: topo.ranBy(run.id),
			executionId: run.id,
		};
	};
	return topo;
}

module.exports = { startTopology, webhookStarted, queueEnv };
