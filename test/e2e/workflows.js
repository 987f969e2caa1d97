'use strict';
// Workflow and credential fixtures of the real-n8n e2e run (the shapes `n8n import:*` takes).
const { nodeType } = require('./n8n');

const CRED = { id: 'e2eAmiqusSandbx', name: 'Amiqus sandbox (e2e)' };
const BAD_CRED = { id: 'e2eAmiqusBadTok', name: 'Amiqus sandbox, revoked token (e2e)' };

function credentials(sb) {
	const baseUrl = sb.amiqus.baseUrl;
	return [
		{
			...CRED,
			type: 'amiqusApi',
			data: { accessToken: sb.amiqus.config.personalTokens[0], baseUrl },
		},
		{ ...BAD_CRED, type: 'amiqusApi', data: { accessToken: 'revoked-xxxx', baseUrl } },
	];
}

const amiqusCred = (c = CRED) => ({ amiqusApi: { id: c.id, name: c.name } });

/** A workflow of these nodes and connections, nodes laid out left to right; ids and versions filled in. */
function workflow(id, name, nodes, connections) {
	nodes.forEach((n, i) => {
		n.id = n.id || `${id}-n${i}`;
		n.position = n.position || [i * 220, 0];
		n.typeVersion = n.typeVersion || 1;
		n.parameters = n.parameters || {};
	});
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** A linear workflow: nodes[i] → nodes[i+1], laid out left to right. */
function chain(id, name, nodes) {
	const connections = {};
	nodes.slice(0, -1).forEach((n, i) => {
		connections[n.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return workflow(id, name, nodes, connections);
}

const manual = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };
const byId = (expr) => ({ __rl: true, mode: 'id', value: expr });

/** Manual → create client → create record (photo_id standard, passport) → get record → download PDF. */
const onboarding = () =>
	chain('e2eAmiqusFlow01', 'e2e: Amiqus client → record → get → PDF', [
		manual,
		{
			name: 'Create Client',
			type: nodeType('amiqus'),
			credentials: amiqusCred(),
			parameters: {
				resource: 'client',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				additionalFields: { reference: 'e2e-ada' },
			},
		},
		{
			name: 'Create Record',
			type: nodeType('amiqus'),
			credentials: amiqusCred(),
			parameters: {
				resource: 'record',
				operation: 'create',
				clientId: byId('={{ $json.id }}'),
				createFrom: 'steps',
				steps: { step: [{ type: 'check.photo_id', reportType: 'standard', docs: ['passport'] }] },
				notification: 'none',
			},
		},
		{
			name: 'Get Record',
			type: nodeType('amiqus'),
			credentials: amiqusCred(),
			parameters: {
				resource: 'record',
				operation: 'get',
				recordId: byId('={{ $json.id }}'),
				options: { expandClient: true },
			},
		},
		{
			name: 'Download PDF',
			type: nodeType('amiqus'),
			credentials: amiqusCred(),
			parameters: {
				resource: 'record',
				operation: 'download',
				recordId: byId('={{ $json.id }}'),
				binaryPropertyName: 'pdf',
			},
		},
	]);

/** Manual → get client with a revoked token: must fail with Amiqus's 401. */
const badToken = () =>
	chain('e2eAmiqusBadTok', 'e2e: Amiqus revoked token', [
		manual,
		{
			name: 'Create Client',
			type: nodeType('amiqus'),
			credentials: amiqusCred(BAD_CRED),
			parameters: {
				resource: 'client',
				operation: 'create',
				firstName: 'Eve',
				lastName: 'Doe',
				email: 'eve@example.com',
			},
		},
	]);

/** Webhook node answering GET /webhook/<path>: tells when production webhooks are served. */
const readiness = (p = 'e2e-ready') =>
	chain('e2eReadyProbe01', 'e2e: readiness probe', [
		{
			name: 'Ready',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'b1f0c2de-0000-4000-8000-00000000e2e0',
			parameters: { path: p, httpMethod: 'GET', responseMode: 'onReceived', options: {} },
		},
	]);

const TRIGGER_FINISHED = {
	id: 'e2eTrigFinish01',
	webhookId: '5d7a1c3e-1111-4a2b-9c3d-0000000000f1',
};
const TRIGGER_ALL = { id: 'e2eTrigRecAll01', webhookId: '5d7a1c3e-2222-4a2b-9c3d-0000000000a2' };
const TRIGGER_LOAD = { id: 'e2eTrigLoad0001', webhookId: '5d7a1c3e-3333-4a2b-9c3d-0000000000c3' };

function triggerWorkflow({ id, webhookId }, name, events, options = {}) {
	return chain(id, name, [
		{
			name: 'Amiqus Trigger',
			type: nodeType('amiqusTrigger'),
			webhookId,
			credentials: amiqusCred(),
			parameters: { events, options },
		},
		{ name: 'Done', type: 'n8n-nodes-base.noOp' },
	]);
}

const triggers = () => [
	triggerWorkflow(TRIGGER_FINISHED, 'e2e: Amiqus Trigger record.finished', ['record.finished'], {
		fetchFullResource: true,
	}),
	triggerWorkflow(TRIGGER_ALL, 'e2e: Amiqus Trigger record.*', ['record.*']),
	triggerWorkflow(TRIGGER_LOAD, 'e2e: Amiqus Trigger under load', ['record.reviewed']),
];

module.exports = {
	workflow,
	CRED,
	BAD_CRED,
	credentials,
	onboarding,
	badToken,
	readiness,
	triggers,
	TRIGGER_FINISHED,
	TRIGGER_ALL,
	TRIGGER_LOAD,
	chain,
};
