'use strict';
// What the e2e of Ondato, Identomat, Verigram and Nevis share (test/e2e/providers/<provider>.js):
// the workflow pieces (a Switch on verification.status, the routed trigger), the pages the
// browser-return triggers send the browser on to, and the helpers of their checks.
const { nodeOutput } = require('../n8n');
const { chain } = require('../workflows');

const DONE_PAGE = (p) => `https://example.com/${p}/done`;
const PENDING_PAGE = (p) => `https://example.com/${p}/pending`;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** A credential as `n8n import:credentials` takes it. */
const credential = (cred, data) => ({ id: cred.id, name: cred.name, type: cred.type, data });
/** A node's `credentials` parameter naming the credential. */
const credRef = (cred) => ({ [cred.type]: { id: cred.id, name: cred.name } });
const hookUrl = (baseUrl, webhookId, path) => `${baseUrl}/webhook/${webhookId}/${path}`;
const manual = () => ({ name: 'Start', type: 'n8n-nodes-base.manualTrigger' });
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** Switch on verification.status: outputs Verified, Rejected, Needs Review, then the fallback Other. */
function statusSwitch(name = 'Route by Status') {
	const rule = (i, value, key) => ({
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
			conditions: [
				{
					id: `s${i}`,
					leftValue: '={{ $json.verification.status }}',
					rightValue: value,
					operator: { type: 'string', operation: 'equals' },
				},
			],
			combinator: 'and',
		},
		renameOutput: true,
		outputKey: key,
	});
	return {
		name,
		type: 'n8n-nodes-base.switch',
		typeVersion: 3.2,
		parameters: {
			rules: {
				values: [
					rule(1, 'verified', 'Verified'),
					rule(2, 'rejected', 'Rejected'),
					rule(3, 'needs_review', 'Needs Review'),
				],
			},
			options: { fallbackOutput: 'extra', renameFallbackOutput: 'Other' },
		},
	};
}
const ROUTES = ['Verified', 'Rejected', 'Needs Review', 'Other'];

/** Trigger → Switch on verification.status → one No Op per output (named after the output). */
function routedTrigger(id, name, trigger) {
	const wf = chain(id, name, [trigger, statusSwitch()]);
	const sw = wf.nodes[1];
	ROUTES.forEach((route, i) => {
		wf.nodes.push({
			id: `${id}-r${i}`,
			name: route,
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [660, i * 160 - 240],
			parameters: {},
		});
	});
	wf.connections[sw.name] = {
		main: ROUTES.map((route) => [{ node: route, type: 'main', index: 0 }]),
	};
	return wf;
}
/** Which route (output) an execution's item went out of. */
const routeOf = (e) => ROUTES.filter((r) => nodeOutput(e, r).length > 0);

/** The requests the sandbox received for a provider, optionally filtered. */
const reqs = (sb, provider, pred = () => true) => sb.requests(provider).filter(pred);

/** Runs an action workflow with `execute --id`; checks it succeeded and returns the run. */
async function execOk({ assert, eq, log }, n8n, id, what) {
	const r = await n8n.execute(id);
	log(`execute ${what}: exit ${r.code}, ${r.ms} ms`);
	assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
	eq(
		r.status,
		'success',
		`run status (exit ${r.code}) ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
	);
	eq(
		r.code,
		0,
		`exit code; stderr: ${r.output
			.slice(r.output.lastIndexOf('\n}') + 2)
			.trim()
			.slice(-600)}`,
	);
	return r.run;
}

/** Sessions created on the CLI path carry the planned base URL; the server is normally on it. */
const onServer = (state, base, url) => String(url).split(state.plan.baseUrl).join(base);

module.exports = {
	DONE_PAGE,
	PENDING_PAGE,
	FORM,
	credential,
	credRef,
	hookUrl,
	manual,
	byId,
	statusSwitch,
	routedTrigger,
	routeOf,
	reqs,
	execOk,
	onServer,
};
