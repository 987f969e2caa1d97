'use strict';
// Real-n8n e2e of Nevis: start session → get with `execute --id`, then the Nevis Trigger on the
// server: the hosted app's redirect to n8n (session read server-side, browser sent on) and an
// unknown session id (pending page, no execution).
const { nodeType, request, nodeOutput, sleep } = require('../n8n');
const { chain } = require('../workflows');
const {
	DONE_PAGE,
	PENDING_PAGE,
	FORM,
	credential,
	credRef,
	hookUrl,
	manual,
	byId,
	routedTrigger,
	routeOf,
	reqs,
	execOk,
} = require('./common');

const CRED = { id: 'e2eNevisSandbox', name: 'Nevis sandbox (e2e)', type: 'nevisApi' };
const ID = { nevisAction: 'e2eNevisFlow001', nevisTrigger: 'e2eNevisTrig001' };
const HOOK = { nevis: 'e2e0e715-0000-4000-8000-0000000000e1' };

/** The credential pointing at the sandbox, as a user would fill the form. */
const credentials = (sb) => [
	credential(CRED, { accessToken: 'sandbox-nevis-access-key', baseUrl: sb.nevis.baseUrl }),
];

function workflows() {
	return [
		chain(ID.nevisAction, 'e2e: Nevis start session → get', [
			manual(),
			{
				name: 'Start Session',
				type: nodeType('nevis'),
				credentials: credRef(CRED),
				parameters: { resource: 'identityVerificationSession', operation: 'start' },
			},
			{
				name: 'Get Session',
				type: nodeType('nevis'),
				credentials: credRef(CRED),
				parameters: {
					resource: 'identityVerificationSession',
					operation: 'get',
					sessionId: byId('={{ $json.sessionId }}'),
				},
			},
		]),
		routedTrigger(ID.nevisTrigger, 'e2e: Nevis Trigger', {
			name: 'Nevis Trigger',
			type: nodeType('nevisTrigger'),
			webhookId: HOOK.nevis,
			credentials: credRef(CRED),
			parameters: {
				redirectUrl: DONE_PAGE('nevis'),
				options: { pendingRedirectUrl: PENDING_PAGE('nevis'), waitSeconds: 2 },
			},
		}),
	];
}

/**
 * The trigger webhook the activation check waits for, with a request that starts nothing (a
 * browser visit without an id: 302); after deactivation it must answer 404.
 */
const probes = [{ path: `${HOOK.nevis}/redirect` }];

/**
 * @param {object} t  { check, assert, eq, log, waitFor } from run.js
 * @param {object} state  shared by the CLI and trigger paths (sets state.nevis)
 */
function checks(t, state) {
	const { check, assert, eq } = t;

	async function cli(sb, n8n) {
		await check('Nevis › execute --id: start session → get (pending)', async () => {
			const run = await execOk(t, n8n, ID.nevisAction, 'Nevis');
			const started = nodeOutput(run, 'Start Session')[0]?.json;
			assert(started && /^\d{9}$/.test(started.sessionId), `start: ${JSON.stringify(started)}`);
			eq(
				started.startUrl,
				`${sb.nevis.baseUrl}/idv/welcome.html?tc=${started.sessionId}`,
				'startUrl',
			);
			const got = nodeOutput(run, 'Get Session')[0]?.json;
			eq(got?.status, 'pending', 'status');
			eq(got?.verification?.status, 'pending', 'verification.status');
			const log2 = reqs(sb, 'nevis').map((q) => `${q.method} ${q.path} ${q.status}`);
			eq(
				JSON.stringify(log2),
				JSON.stringify([
					`POST /api/v1/idverification/sessions 200`,
					`GET /api/v1/idverification/sessions/${started.sessionId} 200`,
				]),
				'requests received',
			);
			state.nevis = started;
		});
	}

	async function trigger(sb, server) {
		const base = server.baseUrl;
		await check(
			'Nevis Trigger: hosted app Verify → instance redirect URL (n8n) → session read → one execution, browser redirected',
			async () => {
				assert(state.nevis, 'no session from the CLI path');
				const url = hookUrl(base, HOOK.nevis, 'redirect');
				// The trigger needs the session id on the redirect, which Nevis does not document: on by name.
				eq(
					(
						await request('PATCH', `${sb.url}/_control/nevis/config`, {
							body: { redirectUrl: url, redirectSessionParam: 'sessionId' },
						})
					).status,
					200,
					'instance redirect URL',
				);
				const back = await request('POST', state.nevis.startUrl, {
					headers: FORM,
					body: 'outcome=verified',
				});
				eq(back.status, 302, 'hosted app');
				eq(
					back.headers.location,
					`${url}?sessionId=${state.nevis.sessionId}`,
					'hosted app redirected to',
				);
				const landing = await request('GET', back.headers.location);
				eq(landing.status, 302, `n8n answered ${landing.status} ${landing.text.slice(0, 200)}`);
				eq(landing.headers.location, DONE_PAGE('nevis'), 'browser sent on to');
				const list = await server.waitForExecutions(ID.nevisTrigger, 1, { timeoutMs: 15000 });
				await sleep(500);
				eq((await server.executions({ workflowId: ID.nevisTrigger })).length, 1, 'executions');
				const item = nodeOutput(list[0], 'Nevis Trigger')[0]?.json;
				eq(String(item?.sessionId), state.nevis.sessionId, 'sessionId');
				eq(item?.status, 'verified', 'status');
				eq(item?.verification?.status, 'verified', 'verification.status');
				assert(
					item?.verification?.person?.lastName,
					`person: ${JSON.stringify(item?.verification?.person)}`,
				);
				eq(JSON.stringify(routeOf(list[0])), JSON.stringify(['Verified']), 'route');
			},
		);
		await check('Nevis Trigger: an unknown session id → pending page, no execution', async () => {
			const r = await request(
				'GET',
				`${hookUrl(base, HOOK.nevis, 'redirect')}?sessionId=999999999`,
			);
			eq(r.status, 302, 'status');
			eq(r.headers.location, PENDING_PAGE('nevis'), 'redirect');
			await sleep(1000);
			eq((await server.executions({ workflowId: ID.nevisTrigger })).length, 1, 'executions');
		});
	}

	return { cli, trigger };
}

/**
 * The credential test's wrong value (test/e2e/credentialTests.js): the value, what the message must
 * say, what n8n 1.x says instead, and the sandbox's refusal of it (provider, status).
 */
const wrongCredential = [
	{ accessToken: 'not-an-access-key' },
	/"Access Key"/,
	/^Authorization failed - please check your credentials$/,
	['nevis', 401],
];

module.exports = {
	key: 'nevis',
	CRED,
	ID,
	HOOK,
	ACTION_IDS: [ID.nevisAction],
	TRIGGER_IDS: [ID.nevisTrigger],
	credentials,
	workflows,
	probes,
	wrongCredential,
	checks,
};
