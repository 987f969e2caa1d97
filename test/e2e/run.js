#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: this package inside a real n8n (pinned by scripts/runtime.sh), against the
// provider sandbox. This file is the run's frame: build, sandbox, one credential import and one
// workflow import (n8n CLI), every provider's action workflows (execute --id), then n8n start and
// every provider's triggers on the running server; between them the checks that span providers
// (On Error, completion examples, the editor's type lists, credential tests, personal data).
// Each provider's credential, workflows and checks are in test/e2e/providers/<provider>.js
// (Amiqus: providers/amiqus.js, run first; the others through PROVIDERS of providers/index.js).
//
//   node test/e2e/run.js [--build] [--keep] [--n8n <version>] [--smoke]
//     --build  always run `npm run build` first (default: only when dist/ is missing or stale)
//     --keep   keep the n8n user folder (.n8n-e2e/run-<pid>) for inspection
//     --n8n    run in another n8n version (installed once into .runtime/n8n-<version> by
//              scripts/runtime.sh); default: the pinned one
//     --smoke  the smoke set (test/e2e/versions.js): every check except the revoked-token run
// Env: E2E_N8N_LOG_LEVEL (n8n log level, default info).
const fs = require('fs');
const path = require('path');
const { N8n, REPO, PACKAGE_NAME, request, groupRssMb, freePort } = require('./n8n');
const { assert, eq, log, waitFor, createRun } = require('./checks');
const wf = require('./workflows');
const providers = require('./providers');
const { AMIQUS: amiqus } = providers;
const onError = require('./errorOutput');
const credentialTests = require('./credentialTests');
const completion = require('./completion');
const ondatoOAuth2 = require('./ondatoOAuth2');
const personalData = require('./personalData');

const argv = process.argv.slice(2);
const FORCE_BUILD = argv.includes('--build');
const KEEP = argv.includes('--keep');
const SMOKE = argv.includes('--smoke');
const N8N_VERSION = argv.includes('--n8n') ? argv[argv.indexOf('--n8n') + 1] : undefined;

const { check, skip, allPassed, finish } = createRun({ label: 'e2e' });

/**
 * GET on a connection of its own (Connection: close), once more if the socket was closed under it:
 * Node's agent keeps sockets alive and n8n closes idle ones after 5 s ("socket hang up").
 */
async function getFresh(url, cookie) {
	const get = () => request('GET', url, { headers: { Cookie: cookie, Connection: 'close' } });
	try {
		return await get();
	} catch (e) {
		if (!/socket hang up|ECONNRESET/.test(String(e))) throw e;
		return get();
	}
}

async function main() {
	const { startSandbox } = require(path.join(REPO, 'sandbox'));
	const sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	console.log(`sandbox ${sb.url}`);
	const folder = path.join('.n8n-e2e', `run-${process.pid}`);
	const n8n = new N8n({ folder, log, ...(N8N_VERSION ? { n8nVersion: N8N_VERSION } : {}) });
	console.log(`n8n ${n8n.n8nVersion}${SMOKE ? ' (smoke set)' : ''}`);
	let ok = false;
	try {
		await run(sb, n8n);
		ok = allPassed();
	} finally {
		await n8n.stopAll();
		await sb.close();
		if (!KEEP && ok) fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
		else console.log(`n8n user folder kept: ${folder} (server log: ${folder}/n8n-server.log)`);
	}
}

async function run(sb, n8n) {
	// ---- setup (a failure here fails the run: nothing else can be checked)
	await n8n.prepare({ buildFirst: FORCE_BUILD ? 'always' : 'ifStale' });
	// The provider action workflows send the triggers' production URLs: the server port is chosen now.
	const plan = providers.plan(`http://127.0.0.1:${await freePort()}`);
	const t = { check, skip, assert, eq, log, waitFor, smoke: SMOKE };
	const providerChecks = providers.createChecks(t);
	providerChecks.state.plan = plan;
	const amiqusChecks = amiqus.checks(t, providerChecks.state);
	const workflows = [
		wf.readiness(),
		...amiqus.workflows(plan),
		...providers.workflows(plan),
		...completion.workflows(),
		...ondatoOAuth2.workflows(),
		...onError.workflows(),
		...(SMOKE ? [] : personalData.workflows(plan.baseUrl)),
	];
	const credentials = [...amiqus.credentials(sb), ...providers.credentials(sb)];

	await check(
		`import:credentials: ${credentials.length} credentials (Amiqus, Ondato, Identomat, Verigram, Nevis) pointing at the sandbox`,
		async () => {
			const r = await n8n.importCredentials(credentials);
			assert(
				new RegExp(`Successfully imported ${credentials.length} credential`, 'i').test(
					r.stdout + r.stderr,
				),
				`unexpected output: ${(r.stdout + r.stderr).slice(-300)}`,
			);
		},
	);
	await check(`import:workflow: ${workflows.length} workflows in one call`, async () => {
		const r = await n8n.importWorkflows(workflows);
		assert(
			new RegExp(`Successfully imported ${workflows.length} workflow`, 'i').test(
				r.stdout + r.stderr,
			),
			`unexpected output: ${(r.stdout + r.stderr).slice(-300)}`,
		);
	});

	// ---- CLI path: every provider's action workflows (execute --id), Amiqus first
	await amiqusChecks.cli(sb, n8n);
	sb.clearRequests();
	await providerChecks.cliChecks(sb, n8n);
	// ---- Settings › On Error of every action node, and the Fallback example (execute --id)
	await onError.createChecks({ check, assert, eq, log })(sb, n8n);

	// ---- live webhook path
	const server = await startServer(n8n, plan);
	if (server && server.apiKey) await amiqusChecks.trigger(sb, server);
	else skip('Amiqus Trigger checks', 'the server did not come up');
	// Completion that rests on nothing undocumented first: the sandbox is still at its pessimistic defaults.
	// n8n 1.x refuses a Webhook-started run of a workflow that holds a Respond to Webhook node answering a
	// later Wait resume ("Unused Respond to Webhook node found in the workflow"); the test starts the
	// examples from a Webhook node, so on 1.x they are not run (the README's versions table says so).
	if (/^1\./.test(n8n.n8nVersion))
		skip(
			'Wait-node and polling completion in a running n8n',
			'n8n 1.x: "Unused Respond to Webhook node" when a Webhook node starts the example',
		);
	else if (server && server.apiKey)
		await completion.createChecks({ check, assert, eq, log }).checks(sb, server);
	else skip('Wait-node and polling completion in a running n8n', 'the server did not come up');
	if (server && server.cookie)
		await check(
			"the editor's type lists: every node of the package (action nodes also as AI tools, icons light/dark) and every credential; no load error in the log",
			async () => {
				const types = async (what) => {
					const r = await getFresh(`${server.baseUrl}/types/${what}.json`, server.cookie);
					eq(r.status, 200, `/types/${what}.json`);
					return r.json;
				};
				const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
				const nodes = (await types('nodes')).filter((t) => t.name.startsWith(`${PACKAGE_NAME}.`));
				const names = new Set(nodes.map((t) => t.name));
				const ours = pkg.n8n.nodes.map(
					(e) => Object.values(require(path.join(REPO, e))).map((C) => new C())[0].description,
				);
				for (const d of ours) {
					const listed = nodes.find((t) => t.name === `${PACKAGE_NAME}.${d.name}`);
					assert(listed, `node ${d.name} not listed`);
					const icon = listed.iconUrl || {};
					assert(
						icon.light && icon.dark,
						`${d.name}: no light and dark icon URLs (${JSON.stringify({ icon: listed.icon, iconUrl: listed.iconUrl })})`,
					);
					for (const url of [icon.light, icon.dark]) {
						const r = await getFresh(`${server.baseUrl}/${url}`, server.cookie);
						assert(
							r.status === 200 && r.text.includes('<svg'),
							`${d.name} icon ${url}: HTTP ${r.status}`,
						);
					}
					if (d.usableAsTool)
						assert(
							names.has(`${PACKAGE_NAME}.${d.name}Tool`),
							`${d.name} is usableAsTool but ${d.name}Tool is not listed`,
						);
				}
				const creds = new Set((await types('credentials')).map((t) => t.name));
				const credNames = pkg.n8n.credentials.map(
					(e) => Object.values(require(path.join(REPO, e))).map((C) => new C())[0].name,
				);
				for (const c of credNames) assert(creds.has(c), `credential ${c} not listed`);
				const problems = server
					.logTail(100000)
					.split('\n')
					.filter(
						(l) =>
							/error|warn/i.test(l) &&
							/identity-verification|amiqus|ondato|identomat|verigram|nevis/i.test(l),
					);
				assert(
					!problems.length,
					`the server log names the package in errors or warnings:\n${problems.slice(0, 5).join('\n')}`,
				);
				log(
					`${ours.length} nodes (icons served) + ${nodes.length - ours.length} tool variants, ${credNames.length} credentials listed`,
				);
			},
		);
	if (server && server.apiKey)
		await credentialTests.createChecks({ check, assert, eq })(sb, server);
	if (server && server.apiKey) await providerChecks.triggerChecks(sb, server);
	else skip('provider triggers in a running n8n', 'the server did not come up');
	if (server && server.apiKey)
		await ondatoOAuth2.createChecks({ check, assert, eq, log }).checks(sb, server);
	// Where a person's data ends up: every example with n8n's defaults and as recommended (README, Personal data).
	if (server && server.apiKey && !SMOKE && !/^1\./.test(n8n.n8nVersion))
		await personalData.createChecks({ check, assert, eq, log }).checks(sb, server, n8n);
	if (server) {
		const mem = groupRssMb(server.pid);
		log(`n8n server memory: ${mem.mb} MB RSS over ${mem.processes} processes`);
	}
}

/** Starts the n8n server on the planned port: owner, API key, a production webhook answering. */
async function startServer(n8n, plan) {
	let server;
	await check('n8n start: server up, owner + API key, production webhooks answering', async () => {
		server = await n8n.start({
			port: Number(new URL(plan.baseUrl).port),
			env: personalData.SERVER_ENV,
		});
		// Rare: another process took the planned port meanwhile. The provider checks then follow the
		// sessions' redirects to the actual port (test/e2e/providers/common.js).
		if (server.baseUrl !== plan.baseUrl)
			log(`WARNING: n8n is on ${server.baseUrl}, not the planned ${plan.baseUrl}`);
		log(
			`n8n start: /healthz after ${server.healthzMs} ms (port ${server.port}, pid ${server.pid})`,
		);
		await server.setupOwner();
		await server.activate(wf.readiness().id);
		const t = Date.now();
		await server.waitForWebhook('e2e-ready', { expect: (r) => r.status === 200 });
		log(
			`readiness webhook answering ${Date.now() - t} ms after activation; ${Date.now() - server.startedAt} ms after spawn`,
		);
	});
	return server;
}

finish(main);
