'use strict';
// Real-n8n e2e of the Ondato Trigger's OAuth2 delivery mode (ondato.md §7.2: "oAuth2 – clientID,
// clientSecret, tokenUrl"): the sandbox, as Ondato, gets a token from the trigger's own token URL
// (its second webhook, .../token) with the client ID and secret of the credential, then delivers
// with it as a Bearer token. Run by test/e2e/run.js after the other provider triggers.
const { nodeType, request, nodeOutput, sleep } = require('./n8n');
const { chain } = require('./workflows');
const { CRED, ONDATO_OAUTH } = require('./providers');

const ID = 'e2eOndatoOAuth2';
const HOOK = 'e2e0da70-0000-4000-8000-0000000000d2';

function workflows() {
	return [
		chain(ID, 'e2e: Ondato Trigger, OAuth2 delivery authentication', [
			{
				name: 'Ondato Trigger',
				type: nodeType('ondatoTrigger'),
				webhookId: HOOK,
				credentials: { [CRED.ondato.type]: { id: CRED.ondato.id, name: CRED.ondato.name } },
				parameters: {
					events: ['IdentityVerification.StatusChanged'],
					authentication: 'oAuth2',
					options: {},
				},
			},
			{ name: 'Received', type: 'n8n-nodes-base.noOp' },
		]),
	];
}

function createChecks({ check, assert, eq, log }) {
	async function checks(sb, server) {
		const url = `${server.baseUrl}/webhook/${HOOK}/webhook`;
		const tokenUrl = `${server.baseUrl}/webhook/${HOOK}/token`;
		await check(
			"Ondato Trigger (OAuth2): the sandbox gets a token at the trigger's token URL, delivers with it, one execution; no token or a forged one → 401",
			async () => {
				await server.activate(ID);
				await server.waitForWebhook(`${HOOK}/webhook`, { method: 'POST', timeoutMs: 40000 });
				await server.waitForWebhook(`${HOOK}/token`, { method: 'POST', timeoutMs: 40000 });
				const sub = sb.ondato.registerWebhook({
					url,
					events: ['IdentityVerification.StatusChanged'],
					oauth2: {
						clientId: ONDATO_OAUTH.webhookClientId,
						clientSecret: ONDATO_OAUTH.webhookClientSecret,
						tokenUrl,
					},
				});
				try {
					const tokensBefore = sb.ondato.webhookTokenRequests.length;
					const deliveriesBefore = sb.ondato.deliveries.length;
					const idv = sb.ondato.seed.identityVerification({});
					sb.ondato.complete(idv.id, { outcome: 'approved' });
					const list = await server.waitForExecutions(ID, 1, { timeoutMs: 20000 });
					await sleep(500);
					eq((await server.executions({ workflowId: ID })).length, 1, 'executions');
					const item = nodeOutput(list[0], 'Ondato Trigger')[0]?.json;
					eq(item?.event, 'IdentityVerification.StatusChanged', 'event');
					eq(item?.payload?.id, idv.id, 'payload id');
					const tokens = sb.ondato.webhookTokenRequests.slice(tokensBefore);
					eq(
						JSON.stringify(tokens.map((t) => [t.status, t.issued])),
						JSON.stringify([[200, true]]),
						'token requests',
					);
					const mine = sb.ondato.deliveries.slice(deliveriesBefore).filter((d) => d.url === url);
					eq(JSON.stringify(mine.map((d) => d.status)), JSON.stringify([200]), 'deliveries');
					log(`Ondato OAuth2: token from ${tokenUrl}, delivery 200`);
				} finally {
					sb.ondato.unregisterWebhook(sub.id);
				}
				const body = JSON.stringify({
					id: 'e2e-forged',
					type: 'IdentityVerification.StatusChanged',
					payload: { id: 'x' },
				});
				eq(
					(await request('POST', url, { headers: { 'Content-Type': 'application/json' }, body }))
						.status,
					401,
					'no token',
				);
				eq(
					(
						await request('POST', url, {
							headers: {
								'Content-Type': 'application/json',
								Authorization: 'Bearer 9999999999.abc.forged',
							},
							body,
						})
					).status,
					401,
					'forged token',
				);
				const wrong = await request('POST', tokenUrl, {
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: `grant_type=client_credentials&client_id=${ONDATO_OAUTH.webhookClientId}&client_secret=wrong`,
				});
				eq(wrong.status, 401, 'wrong client secret at the token URL');
				assert(!wrong.text.includes('access_token'), 'no token for a wrong secret');
				await sleep(1000);
				eq(
					(await server.executions({ workflowId: ID })).length,
					1,
					'executions after the refused requests',
				);
				await server.deactivate(ID);
			},
		);
	}
	return { checks };
}

module.exports = { workflows, createChecks, ID };
