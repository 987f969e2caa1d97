#!/usr/bin/env node
'use strict';
// `npm run test:packages`: the six packages a user can install, as published.
//   1. scan: n8n's scanner (@n8n/scan-community-package, every check but provenance, offline:
//      scripts/scan-package.mjs) on the all-in-one and on each package of dist-providers/
//      (`npm run build:providers`), plus a broken copy that must fail, so the scan can fail.
//   2. load: each single-provider package alone in a real n8n (the pinned runtime): packed and
//      installed like a user's install; the server lists exactly its nodes and credentials (the
//      credentials under their own names); one action workflow of the e2e suite, rewritten to the
//      package's node and credential types, runs with `n8n execute --id` against the sandbox.
//
//   node test/packages/run.js [--only amiqus,nevis] [--no-scan] [--no-load] [--keep]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { assert, eq, log, createRun } = require('../e2e/checks');
const { N8n, REPO, PACKAGE_NAME, nodeOutput, request } = require('../e2e/n8n');
const wf = require('../e2e/workflows');
const providers = require('../e2e/providers');
const { PROVIDERS, OUT } = require('../../scripts/build-providers');

const argv = process.argv.slice(2);
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const KEEP = argv.includes('--keep');
const { check, allPassed, finish } = createRun({ label: 'packages', stackLines: 8 });

/** GET on a connection of its own, once more if n8n closed the socket under it ("socket hang up"). */
async function getFresh(url, cookie) {
	const get = () => request('GET', url, { headers: { Cookie: cookie, Connection: 'close' } });
	try {
		return await get();
	} catch (e) {
		if (!/socket hang up|ECONNRESET/.test(String(e))) throw e;
		return get();
	}
}

/** Runs the scanner on package folders; resolves { code, output }. */
function scan(dirs) {
	try {
		return {
			code: 0,
			output: execFileSync(
				process.execPath,
				[path.join(REPO, 'scripts', 'scan-package.mjs'), ...dirs],
				{ cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
			).toString(),
		};
	} catch (e) {
		return { code: e.status, output: `${e.stdout}${e.stderr}` };
	}
}

/** The e2e fixtures of one provider (credential + action workflow), rewritten to the single package's types. */
function fixtures(provider, pkgDir, sb) {
	const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	const renames = {};
	for (const file of pkg.n8n.credentials) {
		const { name } = Object.values(require(path.join(pkgDir, file))).map((C) => new C())[0];
		renames[name.replace(/^n8nNodes[A-Z][a-z]+/, provider.key)] = name;
	}
	let credentials;
	let workflow;
	let last;
	if (provider.key === 'amiqus') {
		credentials = [wf.credentials(sb)[0]];
		workflow = wf.onboarding();
		last = 'Download PDF';
	} else {
		credentials = providers
			.credentials(sb)
			.filter((c) => c.type === providers.CRED[provider.key].type);
		workflow = providers
			.workflows(providers.plan('http://127.0.0.1:5678'))
			.find((w) => w.id === providers.ID[`${provider.key}Action`]);
		last = workflow.nodes[workflow.nodes.length - 1].name;
	}
	const rename = (type) => renames[type] || type;
	credentials = credentials.map((c) => ({ ...c, type: rename(c.type) }));
	for (const node of workflow.nodes) {
		node.type = node.type.replace(`${PACKAGE_NAME}.`, `${pkg.name}.`);
		if (node.credentials)
			node.credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([k, v]) => [rename(k), v]),
			);
	}
	return { pkg, credentials, workflow, last, renames };
}

async function loadCheck(provider, sb) {
	const pkgDir = path.join(OUT, provider.name);
	const folder = path.join('.n8n-e2e', `pkg-${provider.key}-${process.pid}`);
	const n8n = new N8n({ folder, log });
	let ok = true;
	try {
		const { pkg, credentials, workflow, last, renames } = fixtures(provider, pkgDir, sb);
		await check(
			`${pkg.name} alone in n8n ${n8n.n8nVersion}: one action workflow (${workflow.nodes.length - 1} nodes) runs against the sandbox`,
			async () => {
				await n8n.prepare({ buildFirst: false, packageDirs: [pkgDir] });
				const installed = fs.readdirSync(path.join(n8n.folder, '.n8n', 'nodes', 'node_modules'));
				eq(JSON.stringify(installed), JSON.stringify([pkg.name]), 'packages installed');
				await n8n.importCredentials(credentials);
				await n8n.importWorkflows([workflow]);
				sb.clearRequests();
				const r = await n8n.execute(workflow.id);
				log(`execute: exit ${r.code}, ${r.ms} ms`);
				assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
				eq(
					r.status,
					'success',
					`run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
				);
				assert(nodeOutput(r.run, last).length > 0, `no output from ${last}`);
				const received = sb.requests(provider.key === 'amiqus' ? 'amiqus' : provider.key);
				assert(
					received.length >= 2 && received.every((q) => q.status < 400),
					`sandbox requests: ${JSON.stringify(received.map((q) => `${q.method} ${q.path} ${q.status}`))}`,
				);
				log(`${received.length} requests to the ${provider.title} sandbox, all answered 2xx/3xx`);
			},
		);
		await check(
			`${pkg.name}: the server lists exactly its nodes and its credentials (${Object.values(renames).join(', ')}), nothing of ${PACKAGE_NAME}`,
			async () => {
				const server = await n8n.start();
				await server.setupOwner();
				const types = async (what) => {
					const res = await getFresh(`${server.baseUrl}/types/${what}.json`, server.cookie);
					eq(res.status, 200, `/types/${what}.json`);
					return res.json.map((t) => t.name);
				};
				const nodes = (await types('nodes')).filter(
					(n) => !n.startsWith('n8n-nodes-base.') && !n.startsWith('@n8n/'),
				);
				const expected = pkg.n8n.nodes.map(
					(e) =>
						`${pkg.name}.${Object.values(require(path.join(pkgDir, e))).map((C) => new C())[0].description.name}`,
				);
				eq(
					JSON.stringify([...new Set(nodes.map((n) => n.replace(/Tool$/, '')))].sort()),
					JSON.stringify(expected.sort()),
					'community node types',
				);
				const creds = await types('credentials');
				for (const name of Object.values(renames))
					assert(creds.includes(name), `credential ${name} not listed`);
				for (const name of Object.keys(renames))
					assert(!creds.includes(name), `credential ${name} of ${PACKAGE_NAME} listed`);
				await server.stop();
			},
		);
	} finally {
		await n8n.stopAll();
		ok = allPassed();
		if (!KEEP && ok) fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
		else console.log(`n8n user folder kept: ${folder}`);
	}
}

/**
 * The all-in-one and n8n-nodes-amiqus installed side by side in one n8n: both packages' nodes and
 * credentials are listed, every credential type exactly once (n8n keeps one class per credential
 * name, so a shared name would be listed twice and one package's class would replace the other's),
 * and the Amiqus workflow of each package runs with its own credential.
 */
async function sideBySide(sb) {
	const provider = PROVIDERS.find((p) => p.key === 'amiqus');
	const pkgDir = path.join(OUT, provider.name);
	const folder = path.join('.n8n-e2e', `pkg-both-${process.pid}`);
	const n8n = new N8n({ folder, log });
	try {
		const single = fixtures(provider, pkgDir, sb);
		single.workflow.id = 'pkgAmiqusFlow01';
		single.credentials = single.credentials.map((c) => ({
			...c,
			id: 'pkgAmiqusSandbx',
			name: `${c.name} (${single.pkg.name})`,
		}));
		for (const node of single.workflow.nodes)
			if (node.credentials)
				for (const ref of Object.values(node.credentials))
					Object.assign(ref, { id: 'pkgAmiqusSandbx', name: single.credentials[0].name });
		await check(
			`${PACKAGE_NAME} and ${single.pkg.name} side by side: each package's Amiqus workflow runs with its own credential; every credential type listed once`,
			async () => {
				await n8n.prepare({ buildFirst: false, packageDirs: [REPO, pkgDir] });
				await n8n.importCredentials([wf.credentials(sb)[0], ...single.credentials]);
				await n8n.importWorkflows([wf.onboarding(), single.workflow]);
				for (const w of [wf.onboarding(), single.workflow]) {
					const r = await n8n.execute(w.id);
					eq(
						r.status,
						'success',
						`${w.nodes[1].type}: run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || r.output.slice(-300))}`,
					);
					assert(nodeOutput(r.run, 'Download PDF').length === 1, `${w.nodes[1].type}: no PDF`);
				}
				const server = await n8n.start();
				await server.setupOwner();
				const types = async (what) => {
					const res = await getFresh(`${server.baseUrl}/types/${what}.json`, server.cookie);
					eq(res.status, 200, `/types/${what}.json`);
					return res.json.map((t) => t.name);
				};
				const nodes = await types('nodes');
				for (const name of [
					`${PACKAGE_NAME}.amiqus`,
					`${PACKAGE_NAME}.amiqusTrigger`,
					`${single.pkg.name}.amiqus`,
					`${single.pkg.name}.amiqusTrigger`,
				])
					assert(nodes.includes(name), `${name} not listed`);
				const creds = await types('credentials');
				for (const name of [...Object.keys(single.renames), ...Object.values(single.renames)])
					eq(creds.filter((c) => c === name).length, 1, `credential type ${name} listed`);
				await server.stop();
			},
		);
	} finally {
		await n8n.stopAll();
		if (!KEEP && allPassed()) fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
		else console.log(`n8n user folder kept: ${folder}`);
	}
}

async function main() {
	const selected = PROVIDERS.filter((p) => !ONLY || ONLY.includes(p.key));
	const dirs = selected.map((p) => path.join(OUT, p.name));
	for (const d of dirs)
		assert(
			fs.existsSync(path.join(d, 'package.json')),
			`${path.relative(REPO, d)} missing: run npm run build:providers`,
		);

	if (!argv.includes('--no-scan')) {
		await check(
			`scan (every check but provenance): ${PACKAGE_NAME} and ${selected.map((p) => p.name).join(', ')}`,
			async () => {
				const r = scan([REPO, ...dirs]);
				console.log(
					r.output
						.trim()
						.split('\n')
						.map((l) => `      ${l}`)
						.join('\n'),
				);
				eq(r.code, 0, 'scanner exit code');
			},
		);
		await check(
			'scan: a broken copy (a runtime dependency, console.log in a node) fails',
			async () => {
				const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-canary-'));
				try {
					fs.cpSync(dirs[0], copy, { recursive: true });
					const pj = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8'));
					fs.writeFileSync(
						path.join(copy, 'package.json'),
						JSON.stringify({ ...pj, dependencies: { axios: '1.12.0' } }, null, 2),
					);
					const node = path.join(copy, pj.n8n.nodes[0]);
					fs.appendFileSync(node, '\nconsole.log("canary");\n');
					const r = scan([copy]);
					assert(r.code !== 0, `the scanner passed a broken package:\n${r.output}`);
					assert(
						/no-console|dependencies/i.test(r.output),
						`the failure does not name the planted faults:\n${r.output.slice(-800)}`,
					);
				} finally {
					fs.rmSync(copy, { recursive: true, force: true });
				}
			},
		);
	}
	await check(
		'publish.yml: valid YAML, id-token write, every step runs what CI runs; scripts/publish.js --dry-run packs all six',
		async () => {
			const workflow = require('yaml').parse(
				fs.readFileSync(path.join(REPO, '.github', 'workflows', 'publish.yml'), 'utf8'),
			);
			eq(workflow.permissions?.['id-token'], 'write', 'permissions.id-token');
			const steps = Object.values(workflow.jobs)
				.flatMap((j) => j.steps)
				.filter((st) => st.run)
				.map((st) => st.run.trim());
			const scripts = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).scripts;
			const reached = new Set();
			const follow = (name) => {
				if (reached.has(name) || !scripts[name]) return;
				reached.add(name);
				for (const m of scripts[name].matchAll(/npm run (\S+)/g)) follow(m[1]);
			};
			follow('test');
			const ciRun = fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8');
			assert(/^npm test$/m.test(ciRun), '.ci/run does not run npm test');
			const r = execFileSync(
				process.execPath,
				[path.join(REPO, 'scripts', 'publish.js'), '--dry-run'],
				{ cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
			).toString();
			eq((r.match(/dry run/g) || []).length, 6, `packages packed by the dry run:\n${r}`);
			for (const step of steps) {
				const npmRun = /^npm run (\S+)$/.exec(step);
				const ok =
					step === 'bash .ci/run' ||
					(npmRun && reached.has(npmRun[1])) ||
					step === 'node scripts/publish.js';
				assert(ok, `publish.yml step "${step}" runs nothing that npm test runs`);
			}
			assert(steps.includes('node scripts/publish.js'), 'no step runs scripts/publish.js');
			log(`steps: ${steps.join(' | ')}`);
		},
	);
	if (!argv.includes('--no-load')) {
		const { startSandbox } = require(path.join(REPO, 'sandbox'));
		const sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
		try {
			for (const provider of selected) await loadCheck(provider, sb);
			if (!ONLY || ONLY.includes('amiqus')) await sideBySide(sb);
		} finally {
			await sb.close();
		}
	}
}

finish(main);
