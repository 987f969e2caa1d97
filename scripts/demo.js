#!/usr/bin/env node
'use strict';
// `npm start`: the package running in a real n8n against the local provider sandbox.
// Builds dist/ if missing, installs the pinned runtime if missing (scripts/runtime.sh), starts the
// sandbox (port 8787 unless taken) and n8n (port 5678 unless taken) with this package installed in
// .demo/n8n/.n8n/nodes, imports the sandbox credentials and the workflows of examples/, sets up the
// owner account, activates the trigger example and prints where to go. Ctrl-C stops everything.
//
//   npm start [-- --fresh]     --fresh: forget the previous demo's n8n data (.demo/n8n)
const fs = require('fs');
const path = require('path');
const { N8n, REPO, freePort, request } = require('../test/e2e/n8n');

const FRESH = process.argv.includes('--fresh');
const OWNER = { email: 'demo@example.com', password: 'Demo-Sandbox-1', firstName: 'Demo', lastName: 'User' };
const CRED = { id: 'amiqusSandbox01', name: 'Amiqus sandbox' };
const log = (s) => console.log(`[demo] ${s}`);

async function main() {
	const t0 = Date.now();
	const folder = path.join(REPO, '.demo', 'n8n');
	if (FRESH) fs.rmSync(folder, { recursive: true, force: true });
	const n8n = new N8n({ folder, log });
	await n8n.prepare({ buildFirst: 'ifMissing' });

	const { startSandbox } = require(path.join(REPO, 'sandbox'));
	const sb = await startSandbox({ port: await freePort(8787), quiet: true });
	log(`provider sandbox on ${sb.url}`);
	process.on('exit', () => { try { sb.server.close(); } catch { /* closing */ } });

	const examples = fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.json')).sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')));
	const triggerInstalled = n8n.installed.files.nodes.some((e) => /AmiqusTrigger\.node\.js$/.test(e));
	const workflows = examples.filter((w) => triggerInstalled || !w.nodes.some((n) => /amiqusTrigger$/.test(n.type)));

	await n8n.importCredentials([{ ...CRED, type: 'amiqusApi', data: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl: sb.amiqus.baseUrl } }]);
	await n8n.importWorkflows(workflows);
	log(`imported the sandbox credential and ${workflows.length} example workflow(s)`);

	const server = await n8n.start({ port: 5678 });
	const owner = await server.setupOwner(OWNER);
	const trigger = workflows.find((w) => w.nodes.some((n) => /amiqusTrigger$/.test(n.type)));
	if (trigger) {
		await server.activate(trigger.id);
		const hookUrl = `${server.baseUrl}/webhook/${trigger.nodes.find((n) => /amiqusTrigger$/.test(n.type)).webhookId}/webhook`;
		const deadline = Date.now() + 30000;
		let registered = false;
		while (!registered && Date.now() < deadline) {
			const r = await request('GET', `${sb.amiqus.baseUrl}/webhooks`, { headers: { Authorization: `Bearer ${sb.amiqus.config.personalTokens[0]}` } });
			registered = (r.json?.data || []).some((h) => h.url === hookUrl);
			if (!registered) await new Promise((res) => setTimeout(res, 250));
		}
		log(registered ? `"${trigger.name}" is active; its webhook is registered in the sandbox` : `WARNING: "${trigger.name}" did not register its webhook within 30 s (see .demo/n8n/n8n-server.log)`);
	}
	const onboarding = workflows.find((w) => w.id === 'exAmiqusOnboard') || workflows[0];
	const mem = server.memoryMb();

	console.log(`
n8n with n8n-nodes-identity-verification is running (ready in ${((Date.now() - t0) / 1000).toFixed(0)} s, n8n ${mem.mb} MB RSS)

  Editor          ${server.baseUrl}/workflow/${onboarding.id}
  Log in as       ${owner.email} / ${owner.password}
  Sandbox         ${sb.url}   (Amiqus API ${sb.amiqus.baseUrl}, token ${sb.amiqus.config.personalTokens[0]})

Try it
  1. Open "${onboarding.name}" and click "Execute workflow": it creates a client and a
     photo ID request in the sandbox and outputs the perform URL.
  2. Open the perform URL (the sandbox's stand-in for the Amiqus page) and approve, or:
       curl -X POST ${sb.url}/_control/amiqus/records/<recordId>/complete -H 'Content-Type: application/json' -d '{"outcome":"accepted"}'
  3. ${trigger ? `"${trigger.name}" runs on the signed record.finished webhook: see Executions.` : 'The Amiqus Trigger is not built yet, so the trigger example was not imported.'}

Deliveries: ${sb.url}/_control/amiqus/deliveries    Requests: ${sb.url}/_control/requests?provider=amiqus
n8n log: ${path.relative(process.cwd(), path.join(folder, 'n8n-server.log'))}
Ctrl-C to stop.`);

	server.child.once('exit', (code) => { console.error(`[demo] n8n exited (${code}); see ${path.join(folder, 'n8n-server.log')}`); process.exit(1); });
	// The SIGINT/SIGTERM handlers of test/e2e/n8n.js kill n8n's process group; then we exit.
}

main().catch((e) => { console.error(`[demo] ${e.stack || e}`); process.exit(1); });
