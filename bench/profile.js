#!/usr/bin/env node
'use strict';
// `node bench/profile.js [--items 1000] [--concurrency 5]`: one run of N × Amiqus › Record › Get in
// `n8n execute` with --cpu-prof, then where its CPU time went: self time by area (this package,
// n8n-core's request helper, credentials, expressions, axios, Node internals, GC, idle) and the
// inclusive time of the functions that matter. Writes bench/results/profile.json and prints a table.
const fs = require('fs');
const path = require('path');
const { N8n, REPO, nodeType } = require('../test/e2e/n8n');
const { startSandbox } = require('../sandbox');
const { argv, arg } = require('./common');

const ITEMS = arg('items', 1000);
const CONCURRENCY = arg('concurrency', 5);

/** The area a profiled function belongs to, from its script URL and name. */
function areaOf(url, name) {
	if (name === '(garbage collector)') return 'garbage collection';
	if (name === '(idle)') return 'idle (waiting for I/O)';
	if (name === '(program)') return 'V8 / native (program)';
	if (url.includes('n8n-nodes-identity-verification')) return 'this package';
	if (
		/n8n-core\/dist\/execution-engine\/node-execution-context\/utils\/request-helper|request-helper-functions/.test(
			url,
		)
	)
		return 'n8n-core request helper';
	if (/credentials|cipher|crypto-js/i.test(url)) return 'n8n credentials (load, decrypt, resolve)';
	if (/expression|tmpl|@n8n\/expression|riot/i.test(url)) return 'n8n expressions';
	if (url.includes('/axios/') || url.includes('follow-redirects') || url.includes('form-data'))
		return 'axios';
	if (url.includes('n8n-core')) return 'n8n-core (other)';
	if (url.includes('n8n-workflow')) return 'n8n-workflow';
	if (url.includes('typeorm') || url.includes('sqlite')) return 'n8n database';
	if (url.includes('/n8n/dist/')) return 'n8n CLI (other)';
	if (url.startsWith('node:') || url === '') return 'Node internals (http, streams, timers)';
	return 'other libraries';
}

function analyse(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
	// Only the node's run: from the first to the last sample with this package's operation on the
	// stack (the process also starts n8n, opens the database and loads every node before it).
	const ours = (id) => {
		for (let cur = id; cur !== undefined; cur = parent.get(cur))
			if (
				byId.get(cur).callFrame.url.includes('identity-verification') &&
				/operation/.test(byId.get(cur).callFrame.url)
			)
				return true;
		return false;
	};
	let first = -1;
	let last = -1;
	profile.samples.forEach((id, i) => {
		if (ours(id)) {
			if (first < 0) first = i;
			last = i;
		}
	});
	const dt = new Map();
	profile.samples.forEach((id, i) => {
		if (i >= first && i <= last) dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0));
	});
	const total = [...dt.values()].reduce((a, b) => a + b, 0);
	const areas = {};
	const inclusive = {};
	const interesting =
		/httpRequestWithAuthentication|getCredentials|getDecrypted|authenticate|preAuthentication|providerRequest|amiqusRequest|runItems|executeItems|runWithConcurrency|httpRequest$|proxyRequestToAxios|decrypt|getNodeParameter|resolveParameter|getParameterValue|validate/;
	for (const [id, us] of dt) {
		const n = byId.get(id);
		const area = areaOf(n.callFrame.url, n.callFrame.functionName);
		areas[area] = (areas[area] || 0) + us;
		const seen = new Set();
		for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
			const f = byId.get(cur).callFrame;
			const key = `${f.functionName || '(anonymous)'} (${path.basename(f.url)})`;
			if (!interesting.test(f.functionName) || seen.has(key)) continue;
			seen.add(key);
			inclusive[key] = (inclusive[key] || 0) + us;
		}
	}
	const ms = (us) => Math.round(us / 1000);
	return {
		file: path.basename(file),
		totalMs: ms(total),
		selfByArea: Object.fromEntries(
			Object.entries(areas)
				.sort((a, b) => b[1] - a[1])
				.map(([k, v]) => [k, { ms: ms(v), share: Math.round((v / total) * 1000) / 10 }]),
		),
		inclusive: Object.fromEntries(
			Object.entries(inclusive)
				.sort((a, b) => b[1] - a[1])
				.slice(0, 25)
				.map(([k, v]) => [k, { ms: ms(v), share: Math.round((v / total) * 1000) / 10 }]),
		),
	};
}

async function main() {
	const sb = await startSandbox({
		port: 0,
		timeScale: 0.001,
		quiet: true,
		providers: { amiqus: { rateLimit: { enforce: false } } },
	});
	const n8n = new N8n({
		folder: path.join('.n8n-e2e', `profile-${process.pid}`),
		log: (s) => console.log(`  · ${s}`),
	});
	try {
		await n8n.prepare({ buildFirst: 'ifStale' });
		const ids = Array.from({ length: ITEMS }, () => sb.amiqus.seed.record().id);
		const cred = { id: 'profAmiqusCred01', name: 'Amiqus sandbox (profile)' };
		await n8n.importCredentials([
			{
				...cred,
				type: 'amiqusApi',
				data: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl: sb.amiqus.baseUrl },
			},
		]);
		const nodes = [
			{
				id: 'p0',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'p1',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: `return ${JSON.stringify(ids)}.map((a) => ({ json: { a } }));` },
			},
			{
				id: 'p2',
				name: 'Amiqus',
				type: nodeType('amiqus'),
				typeVersion: 1,
				position: [400, 0],
				credentials: { amiqusApi: cred },
				parameters: {
					resource: 'record',
					operation: 'get',
					recordId: { __rl: true, mode: 'id', value: '={{ $json.a }}' },
					options: { expandClient: true },
					requestOptions: { concurrency: CONCURRENCY },
				},
			},
		];
		const wf = {
			id: 'profReadThru001',
			name: 'profile: reads',
			active: false,
			nodes,
			connections: {
				Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [[{ node: 'Amiqus', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
			pinData: {},
		};
		await n8n.importWorkflows([wf]);
		const dir = path.join(n8n.folder, 'cpu-profiles');
		fs.mkdirSync(dir, { recursive: true });
		const exec = await n8n.execute(wf.id, {
			timeoutMs: 600000,
			stdoutFile: path.join(n8n.folder, 'execute.out'),
			env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` },
		});
		const run = exec.run?.data?.resultData?.runData?.Amiqus?.[0];
		if (!run) throw new Error(`no run: ${exec.output.slice(-600)}`);
		const files = fs
			.readdirSync(dir)
			.map((f) => path.join(dir, f))
			.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
		const result = {
			items: ITEMS,
			concurrency: CONCURRENCY,
			nodeMs: run.executionTime,
			itemsPerSecond: Math.round(ITEMS / (run.executionTime / 1000)),
			profile: analyse(files[0]),
		};
		fs.writeFileSync(
			path.join(REPO, 'bench', 'results', 'profile.json'),
			`${JSON.stringify(result, null, 2)}\n`,
		);
		console.log(JSON.stringify(result, null, 2));
	} finally {
		await n8n.stopAll();
		await sb.close();
		if (!argv.includes('--keep')) fs.rmSync(n8n.folder, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
