'use strict';
// Real-n8n e2e of completion that rests on nothing undocumented (run by test/e2e/run.js, before the
// browser-return triggers switch the sandbox's append settings on): the primary onboarding examples
// of examples/ themselves, with the sandbox at its pessimistic defaults (no id appended to any
// redirect). Each example's Manual Trigger becomes a Webhook trigger so the running server can start
// it, its credentials become the e2e ones, and its time limits become short; nothing else changes.
//   - Verigram and Identomat: Create Flow / Begin Session with {{ $execution.resumeUrl }} as
//     callback_url / return_url, a Wait node (On Webhook Call, time limit), Get Result server-side,
//     Switch on verification.status, Respond to Webhook. The test acts as the person: it submits the
//     hosted page and follows its redirect like a browser (n8n resumes /webhook-waiting/<execution>).
//   - The same workflows when the person never comes back: the time-limit branch runs.
//   - Nevis: the bounded polling loop (Wait → Get → not final → Wait again) ends with the verdict.
const fs = require('fs');
const path = require('path');
const { REPO, request, nodeOutput, sleep } = require('./n8n');
const { CRED } = require('./providers');

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const DONE_PAGE = 'https://example.com/verification-done';
const ID = { verigram: 'e2eVerigrWait01', identomat: 'e2eIdentoWait01', nevis: 'e2eNevisPoll001' };
const START = {
	verigram: 'e2e-verigram-onboard',
	identomat: 'e2e-identomat-onboard',
	nevis: 'e2e-nevis-onboard',
};
const EXAMPLE = {
	verigram: 'verigram-onboarding.json',
	identomat: 'identomat-onboarding.json',
	nevis: 'nevis-onboarding.json',
};
const TIME_LIMIT_SECONDS = 15;

/** An example workflow, started by a GET webhook instead of the Manual Trigger, with the e2e credentials. */
function fromExample(provider) {
	const wf = JSON.parse(fs.readFileSync(path.join(REPO, 'examples', EXAMPLE[provider]), 'utf8'));
	const cred = CRED[provider];
	for (const node of wf.nodes) {
		if (node.credentials?.[cred.type])
			node.credentials = { [cred.type]: { id: cred.id, name: cred.name } };
		if (node.type === 'n8n-nodes-base.manualTrigger') {
			Object.assign(node, {
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `e2e0c0de-0000-4000-8000-${String(Object.keys(ID).indexOf(provider)).padStart(12, '0')}`,
				parameters: {
					httpMethod: 'GET',
					path: START[provider],
					responseMode: 'onReceived',
					options: {},
				},
			});
		}
		// Short limits for the test: the Wait node's time limit, the polling interval.
		if (node.type === 'n8n-nodes-base.wait' && node.parameters.resume === 'webhook')
			Object.assign(node.parameters, { resumeAmount: TIME_LIMIT_SECONDS, resumeUnit: 'seconds' });
		if (node.type === 'n8n-nodes-base.wait' && node.parameters.resume === 'timeInterval')
			Object.assign(node.parameters, { amount: 1, unit: 'seconds' });
	}
	// The examples keep no successful execution (README, Personal data); these checks read the finished ones.
	return {
		...wf,
		id: ID[provider],
		name: `e2e: ${wf.name}`,
		active: false,
		settings: { ...wf.settings, saveDataSuccessExecution: 'all' },
	};
}

function workflows() {
	return Object.keys(ID).map(fromExample);
}

/** The last run of a node in an execution (loops run a node several times). */
function lastOutput(execution, nodeName, output = 0) {
	const runs = execution?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.length ? nodeOutput(execution, nodeName, { output, runIndex: runs.length - 1 }) : [];
}
const ran = (execution, nodeName) =>
	(execution?.data?.resultData?.runData?.[nodeName] ?? []).length;

/**
 * @param {object} t  { check, assert, eq, log } from run.js
 */
function createChecks(t) {
	const { check, assert, eq, log } = t;

	async function checks(sb, server) {
		const base = server.baseUrl;
		const start = async (provider) => {
			const r = await request('GET', `${base}/webhook/${START[provider]}`);
			eq(r.status, 200, `start ${provider} (${r.text.slice(0, 200)})`);
		};
		/** The one execution of a workflow that is waiting, once n8n has put it to wait. */
		const waitingExecution = async (workflowId, known) => {
			const deadline = Date.now() + 30000;
			for (;;) {
				const list = await server.executions({ workflowId, status: 'waiting' });
				const fresh = list.filter((e) => !known.has(String(e.id)));
				if (fresh.length) return fresh[0];
				if (Date.now() > deadline)
					throw new Error(`no waiting execution of ${workflowId} within 30 s`);
				await sleep(250);
			}
		};
		const finished = async (executionId, timeoutMs) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const r = await server.api('GET', `/executions/${executionId}?includeData=true`);
				if (
					r.status === 200 &&
					r.json.finished !== undefined &&
					['success', 'error', 'crashed', 'canceled'].includes(r.json.status)
				)
					return r.json;
				if (Date.now() > deadline)
					throw new Error(
						`execution ${executionId} not finished within ${timeoutMs} ms (status ${r.json?.status})`,
					);
				await sleep(500);
			}
		};

		await check(
			'completion without undocumented behaviour: the Wait-node and polling examples answer on the server',
			async () => {
				for (const provider of Object.keys(ID)) await server.activate(ID[provider]);
				await Promise.all(
					Object.keys(ID).map((p) =>
						server.waitForWebhook(START[p], { expect: (r) => r.status !== 404, timeoutMs: 40000 }),
					),
				);
				// The sandbox appends nothing to any redirect (its pessimistic defaults).
				eq(sb.verigram.config.callbackFlowIdParam, null, 'Verigram callbackFlowIdParam');
				eq(sb.identomat.config.returnUrlTokenParameter, null, 'Identomat returnUrlTokenParameter');
				eq(sb.nevis.config.redirectSessionParam, null, 'Nevis redirectSessionParam');
				// The probes above started one execution each: let them reach their Wait node, then forget them.
				await sleep(1500);
			},
		);

		const seen = {};
		for (const provider of Object.keys(ID))
			seen[provider] = new Set(
				(await server.executions({ workflowId: ID[provider] })).map((e) => String(e.id)),
			);

		/** The person: opens the link, finishes on the hosted page, and the browser follows the redirect to n8n. */
		const personComesBack = {
			verigram: async (outcome) => {
				const flow = [...sb.verigram.state.flows.values()]
					.filter((f) => f.state !== 'finished')
					.pop();
				assert(flow, 'no open flow in the sandbox');
				const back = await request('POST', `${sb.verigram.baseUrl}/hf2/${flow.id}/`, {
					headers: FORM,
					body: `outcome=${outcome}`,
				});
				eq(back.status, 302, 'hosted page');
				return { id: flow.id, location: back.headers.location, callbackUrl: flow.callbackUrl };
			},
			identomat: async (outcome) => {
				const session = [...sb.identomat.sessions.values()]
					.filter((s) => s.status !== 'completed' && s.flags?.return_url)
					.pop();
				assert(session, 'no open session in the sandbox');
				const back = await request(
					'GET',
					`${sb.identomat.baseUrl}/?session_token=${session.token}&complete=${outcome}`,
				);
				eq(back.status, 302, `widget (${back.text.slice(0, 200)})`);
				return {
					id: session.token,
					location: back.headers.location,
					callbackUrl: session.flags.return_url,
				};
			},
		};

		for (const [provider, outcome, status, route] of [
			['verigram', 'pass', 'verified', 'Approve'],
			['identomat', 'rejected', 'rejected', 'Reject'],
		]) {
			await check(
				`${provider}: example with $execution.resumeUrl → Wait → browser back (nothing appended) → Get Result → ${status} → Respond to Webhook`,
				async () => {
					await start(provider);
					const waiting = await waitingExecution(ID[provider], seen[provider]);
					seen[provider].add(String(waiting.id));
					const back = await personComesBack[provider](outcome);
					// The provider sends the browser to the URL it was given, as is: the execution's resume URL.
					eq(
						back.location,
						back.callbackUrl,
						'the redirect is the URL given at creation, nothing appended',
					);
					assert(
						back.location.startsWith(`${base}/webhook-waiting/${waiting.id}`),
						`redirect ${back.location} is not the resume URL of execution ${waiting.id}`,
					);
					const landing = await request('GET', back.location, { timeoutMs: 60000 });
					// Respond to Webhook's redirect (n8n answers 307).
					assert(
						[302, 303, 307].includes(landing.status),
						`n8n answered the browser ${landing.status} ${landing.text.slice(0, 200)}`,
					);
					eq(landing.headers.location, DONE_PAGE, 'browser sent on by Respond to Webhook');
					const done = await finished(waiting.id, 30000);
					eq(done.status, 'success', 'execution status');
					const result = nodeOutput(done, 'Get Result')[0]?.json;
					eq(result?.verification?.status, status, 'verification.status read server-side');
					eq(ran(done, route), 1, `routed to ${route}`);
					eq(ran(done, 'Never Came Back'), 0, 'time-limit branch');
					log(
						`${provider}: execution ${waiting.id} resumed by the browser, ${status}, routed to ${route}`,
					);
				},
			);
		}

		await check(
			`Verigram and Identomat: a person who never comes back → the Wait node's time limit (${TIME_LIMIT_SECONDS} s) → the "never came back" branch`,
			async () => {
				const waiting = {};
				for (const provider of ['verigram', 'identomat']) {
					await start(provider);
					waiting[provider] = await waitingExecution(ID[provider], seen[provider]);
					seen[provider].add(String(waiting[provider].id));
				}
				const t0 = Date.now();
				// n8n's wait tracker looks for due executions every 60 s.
				const done = {};
				for (const provider of ['verigram', 'identomat'])
					done[provider] = await finished(waiting[provider].id, TIME_LIMIT_SECONDS * 1000 + 120000);
				log(
					`time limit: both executions resumed ${Math.round((Date.now() - t0) / 1000)} s after they began waiting`,
				);
				for (const provider of ['verigram', 'identomat']) {
					const e = done[provider];
					eq(e.status, 'success', `${provider} execution status`);
					eq(ran(e, 'Never Came Back'), 1, `${provider}: the "never came back" branch`);
					eq(ran(e, 'Get Result'), 0, `${provider}: the returning branch`);
					eq(ran(e, 'Send the Browser On'), 0, `${provider}: Respond to Webhook`);
					const read = nodeOutput(e, 'Read Result Anyway')[0]?.json;
					assert(
						read && !['verified', 'rejected'].includes(read.verification?.status),
						`${provider}: unfinished reads as ${JSON.stringify(read?.verification)}`,
					);
				}
			},
		);

		await check(
			'Nevis: example polling loop (Wait → Get Session → not final → Wait again, bounded) ends with verified',
			async () => {
				const before = new Set(sb.nevis.sessions.keys());
				await start('nevis');
				let session;
				const deadline = Date.now() + 20000;
				while (!session && Date.now() < deadline) {
					session = [...sb.nevis.sessions.values()].find((s) => !before.has(s.id));
					if (!session) await sleep(200);
				}
				assert(session, 'no new session in the sandbox');
				// Let the loop read the unfinished session at least twice before the person finishes.
				const reads = () =>
					sb
						.requests('nevis')
						.filter((q) => q.method === 'GET' && q.path.endsWith(`/${session.id}`)).length;
				while (reads() < 2 && Date.now() < deadline) await sleep(200);
				assert(reads() >= 2, `the loop read the session ${reads()} times`);
				const startUrl = `${sb.nevis.baseUrl}/idv/welcome.html?tc=${session.id}`;
				const doneAt = await request('POST', startUrl, { headers: FORM, body: 'outcome=verified' });
				eq(doneAt.status, 200, 'hosted app (no redirect URL needed)');
				let e;
				const until = Date.now() + 30000;
				while (Date.now() < until) {
					const list = (
						await server.executions({ workflowId: ID.nevis, includeData: true })
					).filter((x) => !seen.nevis.has(String(x.id)));
					e = list.find((x) => x.status === 'success' && ran(x, 'Approve'));
					if (e) break;
					await sleep(500);
				}
				assert(e, 'no finished polling execution routed to Approve');
				const got = lastOutput(e, 'Get Session')[0]?.json;
				eq(got?.verification?.status, 'verified', 'verification.status of the last read');
				assert(ran(e, 'Get Session') >= 3, `Get Session ran ${ran(e, 'Get Session')} times`);
				eq(ran(e, 'Gave Up'), 0, 'gave up');
				log(
					`Nevis: session ${session.id} read ${ran(e, 'Get Session')} times by the loop, verified`,
				);
			},
		);

		for (const provider of Object.keys(ID)) await server.deactivate(ID[provider]);
	}

	return { checks };
}

module.exports = { workflows, createChecks, ID };
