'use strict';
// Amiqus webhook management in a real n8n (run by test/e2e/providers/amiqus.js, CLI path): the Webhook resource of
// the Amiqus node creates a subscription, lists the team's subscriptions, and deletes the one it
// created, in one `execute --id` run against the sandbox (the same webhook state the Amiqus Trigger
// registers into). The signing secret stays out of the run unless asked for.
const path = require('path');
const { nodeType, nodeOutput } = require('../../n8n');
const { chain, CRED } = require('../../workflows');

const ID = 'e2eAmiqusHooks1';
const HOOK_URL = 'https://example.org/e2e/amiqus-webhook-round-trip';
const cred = { amiqusApi: { id: CRED.id, name: CRED.name } };

const workflow = () =>
	chain(ID, 'e2e: Amiqus webhook create → get many → delete', [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
		{
			name: 'Create Webhook',
			type: nodeType('amiqus'),
			credentials: cred,
			parameters: {
				resource: 'webhook',
				operation: 'create',
				url: HOOK_URL,
				events: ['record.finished', 'client.*'],
			},
		},
		{
			name: 'List Webhooks',
			type: nodeType('amiqus'),
			credentials: cred,
			parameters: { resource: 'webhook', operation: 'getAll', returnAll: true },
		},
		{
			name: 'Delete Webhook',
			type: nodeType('amiqus'),
			credentials: cred,
			executeOnce: true,
			parameters: {
				resource: 'webhook',
				operation: 'delete',
				webhookId: "={{ $('Create Webhook').first().json.id }}",
			},
		},
	]);

function createChecks({ check, assert, eq, log }) {
	return async function checks(sb, n8n) {
		let run;
		let created;
		await check(
			'Amiqus › Webhook: create → get many → delete in one run (execute --id)',
			async () => {
				const r = await n8n.execute(ID, {
					stdoutFile: path.join(n8n.folder, `execute-${ID}.json`),
				});
				log(`execute webhook round trip: exit ${r.code}, ${r.ms} ms`);
				assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
				eq(
					r.status,
					'success',
					`run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
				);
				run = r.run;
				[created] = nodeOutput(run, 'Create Webhook').map((item) => item.json);
				assert(
					created && Number.isInteger(created.id),
					`Create Webhook output: ${JSON.stringify(created)}`,
				);
				eq(created.url, HOOK_URL, 'created URL');
				eq(
					JSON.stringify(created.events),
					JSON.stringify(['client.*', 'record.finished']),
					'created events',
				);
				const listed = nodeOutput(run, 'List Webhooks').map((item) => item.json);
				assert(
					listed.some((w) => w.id === created.id && w.url === HOOK_URL),
					`Get Many did not list webhook ${created.id}: ${JSON.stringify(listed.map((w) => w.id))}`,
				);
				eq(
					JSON.stringify(nodeOutput(run, 'Delete Webhook').map((item) => item.json)),
					JSON.stringify([{ id: created.id, deleted: true }]),
					'Delete Webhook output',
				);
			},
		);
		await check(
			'Amiqus › Webhook: the sandbox holds no such subscription afterwards, and no signing secret reached the run',
			async () => {
				assert(created, 'the round trip did not run');
				assert(
					!sb.amiqus.state.webhooks.has(created.id),
					`webhook ${created.id} still exists in the sandbox`,
				);
				const asked = sb
					.requests('amiqus')
					.filter((q) => q.path.startsWith('/webhooks'))
					.map((q) => `${q.method} ${q.path} ${q.status}`);
				for (const line of [
					'POST /webhooks 201',
					'GET /webhooks 200',
					`DELETE /webhooks/${created.id} 204`,
				])
					assert(asked.includes(line), `the sandbox did not receive ${line}: ${asked.join(', ')}`);
				const text = JSON.stringify(run);
				assert(!/"secret"/.test(text), 'a webhook secret appears in the run output');
			},
		);
	};
}

module.exports = { workflows: () => [workflow()], createChecks };
