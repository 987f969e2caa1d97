#!/usr/bin/env node
'use strict';
// `npm start`: the package running in a real n8n against the local provider sandbox.
// Builds dist/ if missing, installs the pinned runtime if missing (scripts/runtime.sh), starts the
// sandbox (port 8787 unless taken: every provider on one port) and n8n (port 5678 unless taken) with
// this package installed in .demo/n8n/.n8n/nodes, imports a sandbox credential per provider and every
// workflow of examples/, sets up the owner account, activates the workflows that start with one of
// this package's triggers, wires the sandbox to them (Ondato webhook subscription, Nevis instance
// redirect URL) and prints where to go. Ctrl-C stops everything.
//
//   npm start [-- --fresh]     --fresh: forget the previous demo's n8n data (.demo/n8n)
//   npm start -- --queue       n8n's queue mode instead: PostgreSQL, Redis, a main, two workers and
//                              two webhook processes (scripts/demo-queue.js), started afresh
//
// Examples reference the credentials below by id; trigger URLs in them are written for
// http://127.0.0.1:5678 and rewritten here to the n8n this demo runs.
const fs = require('fs');
const path = require('path');
const { N8n, REPO, PACKAGE_NAME, freePort, request, sleep } = require('../test/e2e/n8n');

const FRESH = process.argv.includes('--fresh');
const QUEUE = process.argv.includes('--queue');
const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Sandbox-1',
	firstName: 'Demo',
	lastName: 'User',
};
const EXAMPLE_BASE = 'http://127.0.0.1:5678';
const ONDATO_HOOK = { username: 'ondato-demo', password: 'ondato-demo-password' };
const log = (s) => console.log(`[demo] ${s}`);

/** One sandbox credential per provider (ids are what examples/*.json reference). */
function credentials(sb) {
	const identomat = sb.identomat.config.companies[0];
	return [
		{
			id: 'amiqusSandbox01',
			name: 'Amiqus sandbox',
			type: 'amiqusApi',
			data: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl: sb.amiqus.baseUrl },
		},
		{
			id: 'ondatoSandbox01',
			name: 'Ondato sandbox',
			type: 'ondatoApi',
			data: ondatoCredential(sb),
		},
		{
			id: 'identomatSandbx1',
			name: 'Identomat sandbox',
			type: 'identomatApi',
			data: {
				companyApiKey: identomat.companyKey,
				secretKey: '',
				callbackApiKey: sb.identomat.config.callbacks.apiKey,
				baseUrl: sb.identomat.baseUrl,
			},
		},
		{
			id: 'verigramSandbx1',
			name: 'Verigram sandbox',
			type: 'verigramApi',
			data: {
				apiKey: 'sandbox-verigram-prod-key',
				apiSecret: 'sandbox-verigram-prod-secret',
				host: 'custom',
				baseUrl: sb.verigram.baseUrl,
			},
		},
		{
			id: 'nevisSandbox0001',
			name: 'Nevis sandbox',
			type: 'nevisApi',
			data: { accessToken: 'sandbox-nevis-access-key', baseUrl: sb.nevis.baseUrl },
		},
	];
}

/** The sandbox's Ondato credential as a user fills the form: its hosts under "Custom Hosts". */
function ondatoCredential(sb) {
	const { tokenUrl, idvApiUrl, kycApiUrl, hostedFlowUrl, ...rest } = sb.ondato.credentials;
	return {
		...rest,
		customHosts: true,
		customTokenUrl: tokenUrl,
		customIdvApiUrl: idvApiUrl,
		customKycApiUrl: kycApiUrl,
		customHostedFlowUrl: hostedFlowUrl,
		webhookUsername: ONDATO_HOOK.username,
		webhookPassword: ONDATO_HOOK.password,
	};
}

const isOurTrigger = (n) => n.type.startsWith(`${PACKAGE_NAME}.`) && /Trigger$/.test(n.type);
const providerOf = (type) => type.slice(PACKAGE_NAME.length + 1).replace(/Trigger$/, '');
const WEBHOOK_PATHS = {
	amiqus: 'webhook',
	ondato: 'webhook',
	identomat: 'return',
	verigram: 'callback',
	nevis: 'redirect',
};

async function main() {
	const t0 = Date.now();
	const folder = path.join(REPO, '.demo', 'n8n');
	if (FRESH) fs.rmSync(folder, { recursive: true, force: true });
	const n8n = QUEUE
		? require('./demo-queue').queueDemo({ log, owner: OWNER })
		: new N8n({ folder, log });
	await n8n.prepare({ buildFirst: 'ifMissing' });

	const { startSandbox } = require(path.join(REPO, 'sandbox'));
	const sb = await startSandbox({ port: await freePort(8787), quiet: true });
	log(`provider sandbox on ${sb.url} (${Object.keys(sb.providers).join(', ')})`);
	process.on('exit', () => {
		try {
			sb.server.close();
		} catch {
			/* closing */
		}
	});

	// The n8n port is chosen now: example sessions carry trigger URLs (Identomat return_url, Verigram callback_url).
	const port = await freePort(5678);
	const baseUrl = `http://127.0.0.1:${port}`;
	const installed = new Set(
		n8n.installed.files.nodes.map((e) =>
			path.basename(e, '.node.js').replace(/^./, (c) => c.toLowerCase()),
		),
	);
	const files = fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
	const workflows = [];
	for (const f of files) {
		let wf;
		try {
			wf = JSON.parse(
				fs
					.readFileSync(path.join(REPO, 'examples', f), 'utf8')
					.split(EXAMPLE_BASE)
					.join(baseUrl),
			);
		} catch (e) {
			log(`WARNING: examples/${f} is not valid JSON, skipped (${e.message})`);
			continue;
		}
		const missing = (wf.nodes || []).filter(
			(n) =>
				n.type.startsWith(`${PACKAGE_NAME}.`) &&
				!installed.has(n.type.slice(PACKAGE_NAME.length + 1)),
		);
		if (missing.length) {
			log(
				`WARNING: examples/${f} uses nodes that are not built (${missing.map((n) => n.type).join(', ')}), skipped`,
			);
			continue;
		}
		workflows.push({ ...wf, file: f });
	}
	const creds = credentials(sb);
	const credIds = new Set(creds.map((c) => c.id));
	for (const wf of workflows) {
		const unknown = wf.nodes
			.flatMap((n) => Object.values(n.credentials || {}))
			.filter((c) => c.id && !credIds.has(c.id));
		if (unknown.length)
			log(
				`WARNING: examples/${wf.file} references credentials the demo does not create: ${unknown.map((c) => `${c.id} (${c.name})`).join(', ')}`,
			);
	}

	await n8n.importCredentials(creds);
	await n8n.importWorkflows(workflows.map(({ file, ...wf }) => wf));
	log(
		`imported ${creds.length} sandbox credentials and ${workflows.length} example workflows (${files.length} files in examples/)`,
	);

	const server = await n8n.start({ port });
	if (server.baseUrl !== baseUrl)
		log(
			`WARNING: n8n is on ${server.baseUrl}, not ${baseUrl}: example trigger URLs point at the wrong port`,
		);
	const owner = await server.setupOwner(OWNER);

	// Activate every workflow that starts with one of this package's triggers, then wire the sandbox to it.
	const triggers = [];
	for (const wf of workflows) {
		const nodes = wf.nodes.filter(isOurTrigger); // a workflow may start with several (examples/verdict-route.json)
		if (!nodes.length) continue;
		try {
			await server.activate(wf.id);
		} catch (e) {
			log(`WARNING: could not activate "${wf.name}" (${e.message.slice(0, 200)})`);
			continue;
		}
		for (const node of nodes) {
			const provider = providerOf(node.type);
			const callbacks = provider === 'identomat' && node.parameters?.source !== 'browserReturn'; // Identomat's default source
			const url = `${server.baseUrl}/webhook/${node.webhookId}/${callbacks ? 'callback' : WEBHOOK_PATHS[provider] || 'webhook'}`;
			triggers.push({ wf, node, provider, url, callbacks });
		}
	}
	const ready = await Promise.all(
		triggers.map(async (t) => {
			if (t.provider === 'amiqus') {
				// Amiqus: the trigger registers its webhook through the API on activation.
				const token = sb.amiqus.config.personalTokens[0];
				for (const deadline = Date.now() + 30000; Date.now() < deadline; await sleep(250)) {
					const r = await request('GET', `${sb.amiqus.baseUrl}/webhooks`, {
						headers: { Authorization: `Bearer ${token}` },
					});
					if ((r.json?.data || []).some((h) => h.url === t.url)) return true;
				}
				return false;
			}
			try {
				await server.waitForWebhook(t.url.slice(`${server.baseUrl}/webhook/`.length), {
					method: t.provider === 'ondato' || t.callbacks ? 'POST' : 'GET',
					timeoutMs: 30000,
				});
			} catch {
				return false;
			}
			if (t.provider === 'ondato') {
				// Ondato registers webhook URLs out of band: here, the sandbox's subscription control.
				const params = t.node.parameters || {};
				sb.ondato.registerWebhook({
					url: t.url,
					events: params.events && !params.events.includes('*') ? params.events : ['*'],
					basic: ONDATO_HOOK,
				});
			}
			// The browser-return triggers need the id appended to the redirect, which no provider documents: the
			// sandbox does it only when asked by name (sandbox/README.md). The Wait-node examples need nothing.
			if (t.provider === 'nevis')
				sb.nevis.setConfig({ redirectUrl: t.url, redirectSessionParam: 'sessionId' }); // the instance redirect URL
			if (t.provider === 'verigram') sb.verigram.setConfig({ callbackFlowIdParam: 'flow_id' });
			if (t.provider === 'identomat' && !t.callbacks)
				sb.identomat.setConfig({ returnUrlTokenParameter: 'session_token' });
			if (t.callbacks) sb.identomat.setConfig({ callbacks: { url: t.url, statusUpdates: true } }); // the company's Callback URL
			return true;
		}),
	);
	triggers.forEach((t, i) =>
		log(
			ready[i]
				? `active: "${t.wf.name}" › ${t.node.name}`
				: `WARNING: "${t.wf.name}" › ${t.node.name} did not answer within 30 s (see .demo/n8n/n8n-server.log)`,
		),
	);

	const mem = server.memoryMb();
	const byId = (id) => workflows.find((w) => w.id === id);
	const editorUrl = server.editorUrl || server.baseUrl;
	const editor = (id) => `${editorUrl}/workflow/${id}`;
	const line = (id, text) => (byId(id) ? text : null);
	const c = `${sb.url}/_control`;
	const sections = [
		line(
			'exAmiqusOnboard',
			`Amiqus      ${editor('exAmiqusOnboard')}
    Execute: creates a client and a photo ID request; open performUrl and approve, or
      curl -X POST ${c}/amiqus/records/<recordId>/complete -H 'Content-Type: application/json' -d '{"outcome":"accepted"}'
    "Amiqus: route finished verifications" runs on the signed record.finished webhook.`,
		),
		line(
			'exOndatoOnboard',
			`Ondato      ${editor('exOndatoOnboard')}
    Execute: creates an identity verification; open verificationUrl (the sandbox's hosted flow), click "consent" (the person agrees), then "approve"; or
      curl -X POST ${c}/ondato/identity-verifications/<identityVerificationId>/complete -H 'Content-Type: application/json' -d '{"outcome":"approved"}'
    "Ondato: route completed verifications" runs on the StatusChanged webhook (Basic auth) and routes on verification.status.`,
		),
		line(
			'exIdentomOnboard',
			`Identomat   ${editor('exIdentomOnboard')}
    Execute: begins a session with return_url = this execution's resume URL and waits (Wait node); open
    widget_url (Begin Session's output) and click "approved" or "rejected": the widget sends you back to the
    waiting execution, which reads the result, routes it and sends you on. Nothing undocumented is used.`,
		),
		line(
			'exVerigrOnboard',
			`Verigram    ${editor('exVerigrOnboard')}
    Execute: creates a flow with callback_url = this execution's resume URL and waits (Wait node); open
    vlink (Create Flow's output) and click Pass or Fail: Verigram sends you back to the waiting execution,
    which reads the result, routes it and sends you on. Nothing undocumented is used.`,
		),
		line(
			'exNevisOnboard',
			`Nevis       ${editor('exNevisOnboard')}
    Execute: starts a session and reads it every 2 minutes (at most 30 times); open startUrl and click
    Verify or Fail: the next read routes the result. (The instance redirect URL also goes to
    "Nevis: route finished sessions", with the session id the sandbox appends for that trigger.)`,
		),
	].filter(Boolean);
	const others = workflows.filter((w) => !/^ex(Amiqus|Ondato|Identom|Verigr|Nevis)/.test(w.id));

	console.log(`
n8n with n8n-nodes-identity-verification is running (ready in ${((Date.now() - t0) / 1000).toFixed(0)} s, n8n ${mem.mb} MB RSS)

  Editor          ${editorUrl}   (${workflows.length} example workflows, ${new Set(triggers.filter((_, i) => ready[i]).map((t) => t.wf.id)).size} active)
  Log in as       ${owner.email} / ${owner.password}
  Sandbox         ${sb.url}   (npm run sandbox prints every provider's test credentials and controls)

Try it: open an onboarding workflow, click "Execute workflow", open the link it outputs, finish the
verification on the sandbox's page. The examples keep no successful production execution (README,
"Personal data"): to see their runs under Executions, turn on the workflow's Settings › Save
successful production executions.

${sections.join('\n\n')}
${others.length ? `\nAlso imported: ${others.map((w) => `"${w.name}"`).join(', ')}\n` : ''}
Requests the sandbox received: ${c}/requests?provider=<amiqus|ondato|identomat|verigram|nevis>
${QUEUE ? server.describe() : `n8n log: ${path.relative(process.cwd(), path.join(folder, 'n8n-server.log'))}`}
Ctrl-C to stop.`);

	server.child.once('exit', (code) => {
		console.error(`[demo] n8n exited (${code}); see ${path.join(folder, 'n8n-server.log')}`);
		process.exit(1);
	});
	// The SIGINT/SIGTERM handlers of test/e2e/n8n.js kill n8n's process group; then we exit.
}

main().catch((e) => {
	console.error(`[demo] ${e.stack || e}`);
	process.exit(1);
});
