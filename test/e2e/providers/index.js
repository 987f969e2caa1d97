'use strict';
// Real-n8n e2e of Ondato, Identomat, Verigram and Nevis (run by test/e2e/run.js in the same n8n
// as Amiqus): credentials and workflows for `n8n import:*`, the CLI checks (execute --id) and the
// live trigger checks on the running server. Each provider's credential, workflows and checks are
// in test/e2e/providers/<provider>.js; this file only assembles PROVIDERS, so adding a provider's
// e2e is one file there and one line here.
//
// The action workflows put the trigger's production URL into the session they create (Identomat
// return_url, Verigram callback_url), so run.js picks the server port before importing
// (`plan.baseUrl`) and starts n8n on it.
const { request, sleep } = require('../n8n');
const { statusSwitch } = require('./common');

const PROVIDERS = [
	require('./ondato'),
	require('./identomat'),
	require('./verigram'),
	require('./nevis'),
];

const merge = (key) => Object.assign({}, ...PROVIDERS.map((p) => p[key]));
/** Credential ({ id, name, type }) by provider key. */
const CRED = Object.fromEntries(PROVIDERS.map((p) => [p.key, p.CRED]));
const ID = merge('ID');
const HOOK = merge('HOOK');
const ACTION_IDS = PROVIDERS.flatMap((p) => p.ACTION_IDS);
const TRIGGER_IDS = PROVIDERS.flatMap((p) => p.TRIGGER_IDS);
const PROBES = PROVIDERS.flatMap((p) => p.probes);

/** Credential data pointing at the sandbox, as a user would fill the forms. */
const credentials = (sb) => PROVIDERS.flatMap((p) => p.credentials(sb));

const workflows = (plan) => PROVIDERS.flatMap((p) => p.workflows(plan));

/** The production URLs the action workflows send (they need the server's base URL before it starts). */
const plan = (baseUrl) => Object.assign({ baseUrl }, ...PROVIDERS.map((p) => p.plan?.(baseUrl)));

/**
 * @param {object} t  { check, assert, eq, log, waitFor } from run.js
 */
function createChecks(t) {
	const { check, eq, log } = t;
	const state = {}; // what the CLI path created, for the trigger path
	const each = PROVIDERS.map((p) => p.checks(t, state));

	/** Runs the action workflows (execute --id, one after the other) and checks output + sandbox. */
	async function cliChecks(sb, n8n) {
		for (const c of each) await c.cli(sb, n8n);
	}

	/** Activates the trigger workflows and drives each provider's completion path. */
	async function triggerChecks(sb, server) {
		const base = server.baseUrl;
		await check(
			`activation: the ${TRIGGER_IDS.length} provider trigger workflows answer on their production URLs`,
			async () => {
				const t0 = Date.now();
				for (const id of TRIGGER_IDS) await server.activate(id);
				// Probes that start nothing: Basic/callback key missing (401), browser visits without an id (302).
				await Promise.all(
					PROBES.map(({ path, method }) =>
						server.waitForWebhook(path, { ...(method && { method }), timeoutMs: 40000 }),
					),
				);
				log(`provider triggers answering ${Date.now() - t0} ms after the first activate call`);
				for (const id of TRIGGER_IDS)
					eq(
						(await server.executions({ workflowId: id })).length,
						0,
						`executions of ${id} after the probes`,
					);
			},
		);

		for (const c of each) await c.trigger(sb, server);

		await check('deactivation: the provider trigger URLs stop answering', async () => {
			for (const id of TRIGGER_IDS) await server.deactivate(id);
			// The browser-facing URLs (GET), which answer while active.
			const urls = PROBES.filter((p) => !p.method).map((p) => `${base}/webhook/${p.path}`);
			const deadline = Date.now() + 30000;
			let statuses = [];
			for (;;) {
				statuses = await Promise.all(urls.map(async (u) => (await request('GET', u)).status));
				if (statuses.every((s) => s === 404) || Date.now() > deadline) break;
				await sleep(300);
			}
			eq(
				JSON.stringify(statuses),
				JSON.stringify(urls.map(() => 404)),
				'statuses after deactivation',
			);
		});
	}

	return { cliChecks, triggerChecks, state };
}

module.exports = {
	/** Amiqus (providers/amiqus.js): same shape, run by run.js around the others (see its header). */
	AMIQUS: require('./amiqus'),
	PROVIDERS,
	credentials,
	workflows,
	createChecks,
	plan,
	statusSwitch,
	ID,
	HOOK,
	CRED,
	ACTION_IDS,
	TRIGGER_IDS,
	ONDATO_OAUTH: require('./ondato').ONDATO_OAUTH,
};
