'use strict';
// Real-n8n e2e of Amiqus (run by test/e2e/run.js in the same n8n as the other providers): with
// `execute --id`, the onboarding chain (client → record → get → PDF), a revoked token, an attachment
// upload (amiqus/attachments.js), organisations and cases (amiqus/cases.js) and webhook management
// (amiqus/account.js); then the Amiqus Trigger on the server (amiqus/trigger.js).
const fs = require('fs');
const path = require('path');
const { REPO, nodeOutput, nodeError } = require('../n8n');
const wf = require('../workflows');
const cases = require('./amiqus/cases');
const attachments = require('./amiqus/attachments');
const account = require('./amiqus/account');
const { createChecks: triggerChecks } = require('./amiqus/trigger');

const TRIGGER_DIST = path.join(REPO, 'dist', 'nodes', 'Amiqus', 'AmiqusTrigger.node.js');
/** The Amiqus Trigger workflows are imported and checked only once the trigger is built. */
const triggerBuilt = () => fs.existsSync(TRIGGER_DIST);

const CRED = { ...wf.CRED, type: 'amiqusApi' };
const ID = {
	amiqusAction: wf.onboarding().id,
	amiqusBadToken: wf.badToken().id,
	amiqusFinished: wf.TRIGGER_FINISHED.id,
	amiqusAll: wf.TRIGGER_ALL.id,
	amiqusLoad: wf.TRIGGER_LOAD.id,
};
const HOOK = {
	amiqusFinished: wf.TRIGGER_FINISHED.webhookId,
	amiqusAll: wf.TRIGGER_ALL.webhookId,
	amiqusLoad: wf.TRIGGER_LOAD.webhookId,
};

/** The credentials pointing at the sandbox (the working one and one with a revoked token). */
const credentials = (sb) => wf.credentials(sb);

const workflows = () => [
	wf.onboarding(),
	wf.badToken(),
	...(triggerBuilt() ? wf.triggers() : []),
	...cases.workflows(),
	...attachments.workflows(),
	...account.workflows(),
];

/**
 * The credential test's wrong value (test/e2e/credentialTests.js): the value, what the message must
 * say, what n8n 1.x says instead, and the sandbox's refusal of it (provider, status).
 */
const wrongCredential = [
	{ accessToken: 'revoked-xxxx' },
	/Unauthenticated.*"Personal Access Token"/,
	/^Authorization failed - please check your credentials$/,
	['amiqus', 401],
];

/**
 * @param {object} t  { check, skip, assert, eq, log, waitFor, smoke } from run.js
 * @param {object} state  shared by the CLI and trigger paths (sets state.amiqus)
 */
function checks(t, state) {
	const { check, skip, assert, eq, log } = t;
	let recordId;

	/** The Amiqus action workflows (execute --id, one after the other): run output + sandbox. */
	async function cli(sb, n8n) {
		let exec;
		await check(
			'execute --id: Manual Trigger → Amiqus chain runs with status success',
			async () => {
				sb.clearRequests();
				exec = await n8n.execute(wf.onboarding().id);
				log(`execute: exit ${exec.code}, ${exec.ms} ms`);
				assert(exec.run, `no run JSON in the output:\n${exec.output.slice(-1500)}`);
				eq(
					exec.status,
					'success',
					`run status (exit ${exec.code}) ${JSON.stringify(exec.run?.data?.resultData?.error?.message || '')}`,
				);
				eq(exec.code, 0, 'exit code');
			},
		);
		await check('Amiqus › Client › Create: client created in the sandbox', async () => {
			const out = nodeOutput(exec.run, 'Create Client');
			eq(out.length, 1, 'items');
			const c = out[0].json;
			eq(c.object, 'client', 'object');
			eq(c.name?.first_name, 'Ada', 'first name');
			eq(c.reference, 'e2e-ada', 'reference');
			assert(sb.amiqus.state.clients.get(c.id), `client ${c.id} not in the sandbox`);
			const posts = sb
				.requests('amiqus')
				.filter((q) => q.method === 'POST' && q.path === '/clients');
			eq(posts.length, 1, 'POST /clients received by the sandbox');
		});
		await check(
			'Amiqus › Record › Create: photo_id standard (passport), no notification',
			async () => {
				const out = nodeOutput(exec.run, 'Create Record');
				eq(out.length, 1, 'items');
				const r = out[0].json;
				eq(r.object, 'record', 'object');
				recordId = r.id;
				const clientId = nodeOutput(exec.run, 'Create Client')[0].json.id;
				eq(typeof r.client === 'object' ? r.client.id : r.client, clientId, 'record client');
				assert(
					typeof r.perform_url === 'string' && r.perform_url.startsWith(sb.url),
					`perform_url: ${r.perform_url}`,
				);
				const post = sb
					.requests('amiqus')
					.find((q) => q.method === 'POST' && q.path === '/records');
				assert(post, 'POST /records not received');
				eq(post.body.notification, false, 'notification sent');
				eq(post.body.client, clientId, 'client sent');
				// The sandbox log holds the body after its OpenAPI validator filled schema defaults in, so
				// compare the keys the node sets, not the whole object.
				eq(post.body.steps.length, 1, 'steps sent');
				const step = post.body.steps[0];
				eq(step.type, 'check.photo_id', 'step type');
				eq(step.preferences.report_type, 'standard', 'report_type');
				eq(JSON.stringify(step.preferences.docs), JSON.stringify(['passport']), 'docs');
			},
		);
		await check('Amiqus › Record › Get: the record with its client expanded', async () => {
			const out = nodeOutput(exec.run, 'Get Record');
			eq(out.length, 1, 'items');
			const r = out[0].json;
			eq(r.id, recordId, 'record id');
			eq(r.client?.name?.first_name, 'Ada', 'expanded client');
			assert(Array.isArray(r.steps) && r.steps.length === 1, `steps: ${JSON.stringify(r.steps)}`);
			const get = sb
				.requests('amiqus')
				.find((q) => q.method === 'GET' && q.path === `/records/${recordId}`);
			assert(get, 'GET /records/:id not received');
		});
		await check(
			'Amiqus › Record › Download: the record PDF as binary (mime, name, size)',
			async () => {
				const out = nodeOutput(exec.run, 'Download PDF');
				eq(out.length, 1, 'items');
				const bin = out[0].binary?.pdf;
				assert(bin, `no binary "pdf": ${JSON.stringify(out[0]).slice(0, 300)}`);
				eq(bin.mimeType, 'application/pdf', 'mimeType');
				eq(bin.fileName, `record-${recordId}.pdf`, 'fileName');
				eq(bin.fileExtension, 'pdf', 'fileExtension');
				assert(bin.fileSize && !/^0\b/.test(String(bin.fileSize)), `fileSize: ${bin.fileSize}`);
				if (bin.data && bin.data !== 'filesystem-v2' && !bin.id) {
					eq(Buffer.from(bin.data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-', 'content');
				} else {
					const ref = String(bin.id || '').replace(/^filesystem(-v2)?:/, '');
					const file =
						['storage', 'binaryData']
							.map((d) => path.join(n8n.folder, '.n8n', d, ref))
							.find((f) => fs.existsSync(f)) || ref;
					assert(ref && fs.existsSync(file), `binary ${bin.id} not found at ${file}`);
					eq(
						fs.readFileSync(file).subarray(0, 5).toString('latin1'),
						'%PDF-',
						'stored file content',
					);
					log(`binary stored by reference (${bin.id}), size ${bin.fileSize}, starts with %PDF-`);
				}
			},
		);
		if (t.smoke) skip('execute --id with a revoked token', 'not in the smoke set');
		else
			await check(
				'execute --id with a revoked token: fails, names Amiqus and the 401',
				async () => {
					const r = await n8n.execute(wf.badToken().id);
					// A failing workflow prints the error (no run JSON) and exits non-zero.
					assert(r.code !== 0, `exit code ${r.code}`);
					assert(r.status !== 'success', `run status ${r.status}`);
					const text = r.run
						? JSON.stringify(nodeError(r.run, 'Create Client') || r.run.data?.resultData?.error)
						: r.output;
					assert(
						/Amiqus: The credentials were not accepted \(HTTP 401\)/.test(text),
						`error does not name Amiqus and the 401: ${text.slice(-600)}`,
					);
					assert(!text.includes('revoked-xxxx'), 'the token leaks into the error');
				},
			);

		state.amiqus = { recordId };
		// ---- attachment upload feeding a Document Transfer step
		await attachments.createChecks(t)(sb, n8n);
		// ---- organisation create and a case round trip
		await cases.createChecks(t)(sb, n8n);
		// ---- webhook management: create → get many → delete
		await account.createChecks(t)(sb, n8n);
	}

	/** The Amiqus Trigger on the running server, for the record the CLI path created. */
	async function trigger(sb, server) {
		if (!triggerBuilt()) {
			skip(
				'Amiqus Trigger in a running n8n',
				'AmiqusTrigger not built (dist/nodes/Amiqus/AmiqusTrigger.node.js missing)',
			);
			return;
		}
		await triggerChecks(t)(sb, server, recordId);
	}

	return { cli, trigger };
}

module.exports = {
	key: 'amiqus',
	CRED,
	ID,
	HOOK,
	ACTION_IDS: [ID.amiqusAction],
	TRIGGER_IDS: [ID.amiqusFinished, ID.amiqusAll, ID.amiqusLoad],
	credentials,
	workflows,
	probes: [],
	wrongCredential,
	checks,
};
