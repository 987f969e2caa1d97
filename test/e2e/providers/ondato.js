'use strict';
// Real-n8n e2e of Ondato: create identity verification → get with `execute --id` (OAuth2 token,
// hosted URL), then the Ondato Trigger on the server: sandbox subscriptions with Basic auth (a
// wrong password is refused and starts nothing), routing, Fetch Current State, repeated envelopes.
const { nodeType, request, nodeOutput, sleep } = require('../n8n');
const { chain } = require('../workflows');
const {
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

const KYC_SETUP = '5f16990b-d00a-4ff2-8102-e7b8d5820c28';
const HOOK_USER = 'ondato-hooks';
const HOOK_PASSWORD = 'e2e-hook-password-1';
const ONDATO_OAUTH = {
	webhookClientId: 'e2e-ondato-delivery',
	webhookClientSecret: 'e2e-oauth-delivery-secret-0123456789',
};
const CRED = { id: 'e2eOndatoSandbx', name: 'Ondato sandbox (e2e)', type: 'ondatoApi' };
const ID = {
	ondatoAction: 'e2eOndatoFlow01',
	ondatoAll: 'e2eOndatoTrgAll',
	ondatoFinal: 'e2eOndatoTrgFin',
};
const HOOK = {
	ondatoAll: 'e2e0da70-0000-4000-8000-0000000000a1',
	ondatoFinal: 'e2e0da70-0000-4000-8000-0000000000f1',
};

/** The credential pointing at the sandbox, as a user would fill the form. */
const credentials = (sb) => [
	credential(CRED, {
		...sb.ondato.credentials,
		webhookUsername: HOOK_USER,
		webhookPassword: HOOK_PASSWORD,
		...ONDATO_OAUTH,
	}),
];

function workflows() {
	return [
		chain(ID.ondatoAction, 'e2e: Ondato create identity verification → get', [
			manual(),
			{
				name: 'Create Verification',
				type: nodeType('ondato'),
				credentials: credRef(CRED),
				parameters: {
					resource: 'identityVerification',
					operation: 'create',
					setupId: byId(KYC_SETUP),
					externalReferenceId: 'e2e-ondato-1',
					registration: {
						firstName: 'Grace',
						lastName: 'Hopper',
						email: 'grace@example.com',
						dateOfBirth: '1906-12-09',
					},
				},
			},
			{
				name: 'Get Verification',
				type: nodeType('ondato'),
				credentials: credRef(CRED),
				parameters: {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: '={{ $json.id }}',
				},
			},
		]),
		routedTrigger(ID.ondatoAll, 'e2e: Ondato Trigger, all events', {
			name: 'Ondato Trigger',
			type: nodeType('ondatoTrigger'),
			webhookId: HOOK.ondatoAll,
			credentials: credRef(CRED),
			parameters: { events: ['*'], authentication: 'basicAuth', options: {} },
		}),
		routedTrigger(ID.ondatoFinal, 'e2e: Ondato Trigger, status changed with current state', {
			name: 'Ondato Trigger',
			type: nodeType('ondatoTrigger'),
			webhookId: HOOK.ondatoFinal,
			credentials: credRef(CRED),
			parameters: {
				events: ['IdentityVerification.StatusChanged'],
				authentication: 'basicAuth',
				options: { fetchCurrentState: true },
			},
		}),
	];
}

/**
 * The trigger webhooks the activation check waits for, with requests that start nothing (here
 * no Basic auth: 401); after deactivation the GET ones must answer 404.
 */
const probes = [
	{ path: `${HOOK.ondatoAll}/webhook`, method: 'POST' },
	{ path: `${HOOK.ondatoFinal}/webhook`, method: 'POST' },
];

/**
 * @param {object} t  { check, assert, eq, log, waitFor } from run.js
 * @param {object} state  shared by the CLI and trigger paths (sets state.ondatoId)
 */
function checks(t, state) {
	const { check, assert, eq, log } = t;

	async function cli(sb, n8n) {
		await check(
			'Ondato › execute --id: create identity verification → get (OAuth2 token, hosted URL)',
			async () => {
				const before = sb.ondato.tokenRequests;
				const run = await execOk(t, n8n, ID.ondatoAction, 'Ondato');
				const created = nodeOutput(run, 'Create Verification')[0]?.json;
				assert(
					created && /^[0-9a-f-]{36}$/.test(created.id),
					`created: ${JSON.stringify(created)}`,
				);
				eq(created.url, `${sb.ondato.hostedUrl}/?id=${created.id}`, 'hosted URL');
				eq(created.externalReferenceId, 'e2e-ondato-1', 'externalReferenceId');
				const got = nodeOutput(run, 'Get Verification')[0]?.json;
				eq(got?.id, created.id, 'get id');
				eq(got?.status, 'Pending', 'status');
				eq(got?.verification?.status, 'pending', 'verification.status');
				const post = reqs(
					sb,
					'ondato',
					(q) => q.method === 'POST' && q.path === '/idvapi/v1/identity-verifications',
				);
				eq(post.length, 1, 'POST identity-verifications received');
				eq(post[0].status, 201, 'POST status');
				eq(post[0].body.setupId, KYC_SETUP, 'setupId sent');
				eq(post[0].body.registration?.firstName, 'Grace', 'registration sent');
				assert(
					reqs(
						sb,
						'ondato',
						(q) =>
							q.method === 'GET' && q.path === `/idvapi/v1/identity-verifications/${created.id}`,
					).length === 1,
					'GET not received',
				);
				eq(sb.ondato.tokenRequests - before, 1, 'token requests');
				state.ondatoId = created.id;
			},
		);
	}

	async function trigger(sb, server) {
		const base = server.baseUrl;
		const ondatoAll = hookUrl(base, HOOK.ondatoAll, 'webhook');
		const ondatoFinal = hookUrl(base, HOOK.ondatoFinal, 'webhook');
		let ondatoDeliveries = [];
		await check(
			"Ondato Trigger: sandbox subscriptions (Basic auth) deliver a session's events; a wrong password is refused",
			async () => {
				assert(state.ondatoId, 'no identity verification from the CLI path');
				const ctl = (p, body, method = 'POST') =>
					request(method, `${sb.url}/_control/ondato${p}`, { body });
				eq((await ctl('/config', { webhookMaxAttempts: 3 }, 'PATCH')).status, 200, 'config');
				const basic = { username: HOOK_USER, password: HOOK_PASSWORD };
				for (const spec of [
					{ url: ondatoAll, basic },
					{ url: ondatoFinal, basic },
					{
						url: ondatoAll,
						basic: { username: HOOK_USER, password: 'not-the-password' },
						events: ['IdentityVerification.Consented'],
					},
				])
					eq((await ctl('/webhooks', spec)).status, 201, 'register subscription');
				const before = sb.ondato.deliveries.length;
				const r = await ctl(`/identity-verifications/${state.ondatoId}/complete`, {
					outcome: 'approved',
				});
				eq(r.status, 200, `complete control ${r.text.slice(0, 200)}`);
				// 5 events to each good subscription, 3 refused attempts to the wrong-password one.
				await sb.ondato.waitForDeliveries(before + 13, 20000).catch(() => {});
				await sleep(300);
				ondatoDeliveries = sb.ondato.deliveries.slice(before);
				const good = ondatoDeliveries.filter((d) => !(d.status === 401));
				const refused = ondatoDeliveries.filter((d) => d.status === 401);
				log(
					`Ondato deliveries: ${ondatoDeliveries.map((d) => `${d.type}→${d.url === ondatoAll ? 'all' : 'final'} ${d.status}`).join(', ')}`,
				);
				eq(good.length, 10, 'accepted deliveries');
				assert(
					good.every((d) => d.status === 200),
					`statuses ${good.map((d) => d.status)}`,
				);
				eq(refused.length, 3, 'refused (wrong password) attempts');
				assert(
					refused.every((d) => d.url === ondatoAll && d.type === 'IdentityVerification.Consented'),
					'refused deliveries are the wrong-password ones',
				);
			},
		);
		await check(
			'Ondato Trigger (all events): exactly one execution per genuine event, routed on verification.status',
			async () => {
				const list = await server.waitForExecutions(ID.ondatoAll, 5, { timeoutMs: 20000 });
				await sleep(1000);
				const final = await server.executions({ workflowId: ID.ondatoAll, includeData: true });
				eq(
					final.length,
					5,
					`executions (the 3 wrong-password deliveries must start nothing; had ${list.length} at first)`,
				);
				assert(
					final.every((e) => e.status === 'success'),
					`statuses ${final.map((e) => e.status)}`,
				);
				const items = final.map((e) => ({
					item: nodeOutput(e, 'Ondato Trigger')[0]?.json,
					route: routeOf(e),
				}));
				const types = items.map((x) => x.item?.type).sort();
				eq(
					JSON.stringify(types),
					JSON.stringify([
						'IdentityVerification.Consented',
						'IdentityVerification.StatusChanged',
						'KycIdentification.Approved',
						'KycIdentification.Created',
						'KycIdentification.Processed',
					]),
					'event types',
				);
				const approved = items.find((x) => x.item.type === 'KycIdentification.Approved');
				eq(approved.item.verification?.status, 'verified', 'Approved → verification.status');
				eq(JSON.stringify(approved.route), JSON.stringify(['Verified']), 'Approved routed to');
				const ids = ondatoDeliveries
					.filter((d) => d.url === ondatoAll && d.status === 200)
					.map((d) => JSON.parse(d.body).id)
					.sort();
				eq(
					JSON.stringify(items.map((x) => x.item.id).sort()),
					JSON.stringify(ids),
					'delivery ids of the executions',
				);
			},
		);
		await check(
			'Ondato Trigger (StatusChanged + Fetch Current State): one execution, verified from the API read',
			async () => {
				const list = await server.waitForExecutions(ID.ondatoFinal, 1, { timeoutMs: 15000 });
				await sleep(500);
				eq((await server.executions({ workflowId: ID.ondatoFinal })).length, 1, 'executions');
				const item = nodeOutput(list[0], 'Ondato Trigger')[0]?.json;
				eq(item?.event, 'IdentityVerification.StatusChanged', 'event');
				eq(item?.currentState?.id, state.ondatoId, 'currentState read from the API');
				eq(item?.kycIdentification?.status, 'Approved', 'KYC read from the API');
				eq(item?.verification?.status, 'verified', 'verification.status');
				eq(JSON.stringify(routeOf(list[0])), JSON.stringify(['Verified']), 'route');
			},
		);
		await check(
			'Ondato Trigger: a hand-made delivery with a wrong password → 401, no execution',
			async () => {
				const body = ondatoDeliveries.find((d) => d.url === ondatoAll && d.status === 200).body;
				const auth = (pw) => `Basic ${Buffer.from(`${HOOK_USER}:${pw}`).toString('base64')}`;
				const wrong = await request('POST', ondatoAll, {
					headers: { 'Content-Type': 'application/json', Authorization: auth('wrong') },
					body,
				});
				const none = await request('POST', ondatoAll, {
					headers: { 'Content-Type': 'application/json' },
					body,
				});
				eq(wrong.status, 401, 'wrong password');
				eq(none.status, 401, 'no Authorization');
				assert(
					/^Basic/.test(String(wrong.headers['www-authenticate'] || '')),
					`WWW-Authenticate: ${wrong.headers['www-authenticate']}`,
				);
				await sleep(1000);
				eq(
					(await server.executions({ workflowId: ID.ondatoAll })).length,
					5,
					'executions after the refused deliveries',
				);
			},
		);
		await check(
			'Ondato Trigger: every genuine envelope delivered again is acknowledged and starts nothing (the seen ids survive between requests)',
			async () => {
				const bodies = ondatoDeliveries
					.filter((d) => d.url === ondatoAll && d.status === 200)
					.map((d) => d.body);
				eq(bodies.length, 5, 'accepted envelopes to deliver again');
				const basic = `Basic ${Buffer.from(`${HOOK_USER}:${HOOK_PASSWORD}`).toString('base64')}`;
				for (const body of bodies) {
					const again = await request('POST', ondatoAll, {
						headers: { 'Content-Type': 'application/json', Authorization: basic },
						body,
					});
					eq(again.status, 200, 'repeated delivery');
					assert(
						/duplicate/.test(again.text),
						`${JSON.parse(body).type} acknowledged as a duplicate (${again.text.slice(0, 100)})`,
					);
				}
				await sleep(1000);
				eq(
					(await server.executions({ workflowId: ID.ondatoAll })).length,
					5,
					'executions after the repeated delivery',
				);
			},
		);
	}

	return { cli, trigger };
}

/**
 * The credential test's wrong value (test/e2e/credentialTests.js): the value, what the message must
 * say, what n8n 1.x says instead, and the sandbox's refusal of it (provider, status).
 */
const wrongCredential = [
	{ clientSecret: 'not-the-secret' },
	/invalid_client.*"Client Secret"/,
	/^Authorization failed - please check your credentials$/,
	['ondato', 400],
];

module.exports = {
	key: 'ondato',
	CRED,
	ID,
	HOOK,
	ACTION_IDS: [ID.ondatoAction],
	TRIGGER_IDS: [ID.ondatoAll, ID.ondatoFinal],
	credentials,
	workflows,
	probes,
	wrongCredential,
	checks,
	ONDATO_OAUTH,
};
