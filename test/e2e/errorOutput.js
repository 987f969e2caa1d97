'use strict';
// Settings › On Error of every action node in a real n8n (run by test/e2e/run.js): "Continue"
// (regular output) and "Continue (using error output)", and the Fallback example run end to end
// with an Ondato create that fails. n8n sends an item to the error output only when it recognises
// it as failed, so this is checked where n8n decides it, not in our code.
const fs = require('fs');
const path = require('path');
const { REPO, nodeType, nodeOutput } = require('./n8n');
const { chain, CRED: AMIQUS_CRED } = require('./workflows');
const { CRED } = require('./providers');

const ID = { nodes: 'e2eOnErrorAll01', fallback: 'e2eFallback0001' };
const MISSING_SETUP = '00000000-0000-4000-8000-000000000000';
const KYC_SETUP = '5f16990b-d00a-4ff2-8102-e7b8d5820c28';
const ref = (p) => ({ [CRED[p].type]: { id: CRED[p].id, name: CRED[p].name } });
const byId = (value) => ({ __rl: true, mode: 'id', value });
const ITEMS = [
	{ customer: 'c-1', email: 'ada@example.com', bad: false },
	{ customer: 'c-2', email: 'not-an-email', bad: true },
	{ customer: 'c-3', email: 'grace@example.com', bad: false },
];
// The second item fails in every node below; `$('Items').item` reaches it through the paired items.
const failSecond = (badValue, goodExpression) =>
	`={{ $('Items').item.json.bad ? '${badValue}' : ${goodExpression} }}`;

/** Per provider: the node that fails for the second item, and what creates what it reads (if anything). */
const PROVIDERS = {
	Amiqus: {
		node: {
			type: nodeType('amiqus'),
			credentials: { amiqusApi: { id: AMIQUS_CRED.id, name: AMIQUS_CRED.name } },
			parameters: {
				resource: 'client',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: '={{ $json.email }}',
			},
		},
		error: /"Email" must be an email address/,
		inputField: 'customer',
	},
	Ondato: {
		node: {
			type: nodeType('ondato'),
			credentials: ref('ondato'),
			parameters: {
				resource: 'identityVerification',
				operation: 'create',
				setupId: byId(`={{ $json.bad ? '${MISSING_SETUP}' : '${KYC_SETUP}' }}`),
			},
		},
		error: /^Ondato: .*\(HTTP 4\d\d\)/,
		inputField: 'customer',
	},
	Identomat: {
		before: {
			type: nodeType('identomat'),
			credentials: ref('identomat'),
			parameters: {
				resource: 'session',
				operation: 'begin',
				steps: { step: [{ type: 'liveness' }] },
			},
		},
		node: {
			type: nodeType('identomat'),
			credentials: ref('identomat'),
			parameters: {
				resource: 'session',
				operation: 'getResult',
				session: failSecond('no-such-session', '$json.session_token'),
			},
		},
		error: /^Identomat: /,
		inputField: 'session_token',
	},
	Verigram: {
		before: {
			type: nodeType('verigram'),
			credentials: ref('verigram'),
			parameters: {
				resource: 'flow',
				operation: 'create',
				callbackUrl: 'https://example.com/back',
				personId: 'e2e-on-error',
				locale: 'en',
			},
		},
		node: {
			type: nodeType('verigram'),
			credentials: ref('verigram'),
			parameters: {
				resource: 'flow',
				operation: 'get',
				flowId: byId(failSecond('no-such-flow', '$json.flow_id')),
			},
		},
		error: /^Verigram: .*\(HTTP 404\)/,
		inputField: 'flow_id',
	},
	Nevis: {
		before: {
			type: nodeType('nevis'),
			credentials: ref('nevis'),
			parameters: { resource: 'identityVerificationSession', operation: 'start' },
		},
		node: {
			type: nodeType('nevis'),
			credentials: ref('nevis'),
			parameters: {
				resource: 'identityVerificationSession',
				operation: 'get',
				sessionId: byId(failSecond('999999999', '$json.sessionId')),
			},
		},
		error: /^Nevis: .*\(HTTP 404\)/,
		inputField: 'sessionId',
	},
};
const CONTINUE = (p) => `${p} (Continue)`;
const ERROR_OUTPUT = (p) => `${p} (Error Output)`;

/** Manual → three items → per provider: [a node creating what it reads →] the node twice, once per On Error setting. */
function onErrorWorkflow() {
	const wf = chain(ID.nodes, 'e2e: On Error of every action node', [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
		{
			name: 'List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: {
					assignments: [
						{ id: 'l1', name: 'list', type: 'array', value: `={{ ${JSON.stringify(ITEMS)} }}` },
					],
				},
				options: {},
			},
		},
		{
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			parameters: { fieldToSplitOut: 'list', include: 'noOtherFields', options: {} },
		},
	]);
	const fromItems = [];
	let y = 0;
	for (const [p, spec] of Object.entries(PROVIDERS)) {
		let source = 'Items';
		const add = (name, node, extra = {}) =>
			wf.nodes.push({
				id: `${ID.nodes}-${name}`,
				name,
				typeVersion: 1,
				position: [900, (y += 160)],
				...node,
				...extra,
			});
		if (spec.before) {
			source = `${p} Setup`;
			add(source, spec.before);
			fromItems.push({ node: source, type: 'main', index: 0 });
		}
		add(CONTINUE(p), spec.node, { onError: 'continueRegularOutput' });
		add(ERROR_OUTPUT(p), spec.node, { onError: 'continueErrorOutput' });
		const targets = [CONTINUE(p), ERROR_OUTPUT(p)].map((node) => ({
			node,
			type: 'main',
			index: 0,
		}));
		if (spec.before) wf.connections[source] = { main: [targets] };
		else fromItems.push(...targets);
	}
	wf.connections.Items = { main: [fromItems] };
	return wf;
}

/** examples/verdict-fallback.json with the e2e credentials and an Ondato setup that does not exist. */
function fallbackWorkflow() {
	const wf = JSON.parse(
		fs.readFileSync(path.join(REPO, 'examples', 'verdict-fallback.json'), 'utf8'),
	);
	wf.id = ID.fallback;
	for (const node of wf.nodes) {
		if (node.credentials?.ondatoApi) node.credentials = ref('ondato');
		if (node.credentials?.identomatApi) node.credentials = ref('identomat');
		if (node.type === nodeType('ondato')) node.parameters.setupId.value = MISSING_SETUP;
	}
	return wf;
}

const workflows = () => [onErrorWorkflow(), fallbackWorkflow()];

function createChecks({ check, assert, eq, log }) {
	return async function checks(sb, n8n) {
		// The run JSON goes to a file: n8n exits right after printing, which can cut a large output written to a pipe.
		const execute = (id) =>
			n8n.execute(id, { stdoutFile: path.join(n8n.folder, `execute-${id}.json`) });
		let run;
		await check('On Error, every action node: execute --id runs to the end', async () => {
			const r = await execute(ID.nodes);
			log(`execute On Error workflow: exit ${r.code}, ${r.ms} ms`);
			assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
			eq(
				r.status,
				'success',
				`run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
			);
			run = r.run;
		});
		for (const [p, spec] of Object.entries(PROVIDERS)) {
			await check(
				`${p} › On Error "Continue": the error item with its details in place, the other items go on`,
				async () => {
					const out = nodeOutput(run, CONTINUE(p));
					eq(out.length, 3, 'items on the regular output');
					assert(
						out[0].json.error === undefined && out[2].json.error === undefined,
						`good items: ${JSON.stringify([out[0].json, out[2].json]).slice(0, 400)}`,
					);
					assert(spec.error.test(out[1].json.error), `error: ${JSON.stringify(out[1].json)}`);
					// { error, message }: what n8n 1.x and 2.x both route to the error output; message says what to do and the HTTP status.
					eq(Object.keys(out[1].json).sort().join(','), 'error,message', "the error item's fields");
					assert(/\w/.test(out[1].json.message), `message: ${JSON.stringify(out[1].json)}`);
				},
			);
			await check(
				`${p} › On Error "Continue (using error output)": the failed item on the error branch with its input fields, the others on success`,
				async () => {
					const ok = nodeOutput(run, ERROR_OUTPUT(p), { output: 0 });
					const failed = nodeOutput(run, ERROR_OUTPUT(p), { output: 1 });
					eq(
						ok.length,
						2,
						`items on the success branch (${JSON.stringify(ok.map((i) => i.json.error))})`,
					);
					assert(
						ok.every((i) => i.json.error === undefined),
						'an error item on the success branch',
					);
					eq(failed.length, 1, 'items on the error branch');
					const item = failed[0].json;
					assert(spec.error.test(item.error), `error: ${JSON.stringify(item)}`);
					assert(
						typeof item.message === 'string' && /\w/.test(item.message),
						`message: ${JSON.stringify(item)}`,
					);
					assert(
						item[spec.inputField] !== undefined,
						`input field ${spec.inputField} not merged in: ${JSON.stringify(item)}`,
					);
					if (spec.inputField === 'customer') eq(item.customer, 'c-2', 'the failed item');
					eq(JSON.stringify(failed[0].pairedItem), JSON.stringify({ item: 1 }), 'pairedItem');
				},
			);
		}
		await check(
			'Fallback example: a failing Ondato create goes to the error branch and the Identomat session starts',
			async () => {
				sb.clearRequests();
				const r = await execute(ID.fallback);
				log(`execute Fallback example: exit ${r.code}, ${r.ms} ms`);
				assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
				eq(
					r.status,
					'success',
					`run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
				);
				eq(
					nodeOutput(r.run, 'Start Ondato Session', { output: 0 }).length,
					0,
					'Ondato success branch',
				);
				const failed = nodeOutput(r.run, 'Start Ondato Session', { output: 1 });
				eq(failed.length, 1, 'Ondato error branch');
				assert(/^Ondato: /.test(failed[0].json.error), `error: ${JSON.stringify(failed[0].json)}`);
				eq(nodeOutput(r.run, 'Send Ondato Link').length, 0, 'Send Ondato Link items');
				const session = nodeOutput(r.run, 'Start Identomat Session')[0]?.json;
				assert(
					session && typeof session.session_token === 'string',
					`Identomat: ${JSON.stringify(session)}`,
				);
				assert(
					sb.identomat.session(session.session_token),
					'the Identomat session is not in the sandbox',
				);
				eq(
					nodeOutput(r.run, 'Send Identomat Link')[0]?.json?.token,
					session.session_token,
					'Send Identomat Link token',
				);
				const ondato = sb
					.requests('ondato')
					.filter((q) => q.method === 'POST' && q.path === '/idvapi/v1/identity-verifications');
				eq(ondato.length, 1, 'Ondato create requests');
				assert(ondato[0].status >= 400, `Ondato create answered ${ondato[0].status}`);
			},
		);
	};
}

module.exports = { workflows, createChecks, ID };
