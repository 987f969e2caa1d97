import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';

const { startSandbox } = require('../../sandbox');

// "Wait for Final Result" of every operation that has it, through n8n-core's real engine: the switch
// with its Time Limit and First Pause beside it, and the same settings where workflows saved by an
// earlier version keep them (in Options), which n8n would drop if the node stopped declaring them.
let sb: any;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
});
afterAll(async () => await sb?.close());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const identomat = () => sandboxCredentials(sb).identomat();
const verigram = () => sandboxCredentials(sb).verigram();
const nevis = () => sandboxCredentials(sb).nevis();
const run = async (
	node: string,
	credentials: Record<string, IDataObject>,
	parameters: IDataObject,
) => await runNode({ type: typeName(node), parameters, credentials: credentials as never });

interface Case {
	node: string;
	credentials: () => Record<string, IDataObject>;
	/** Starts a verification nobody finishes and returns the read operation's parameters for it. */
	pending: () => Promise<IDataObject>;
	/** Whether a logged request is one of the reads. */
	isRead: (request: IDataObject) => boolean;
}

const cases: Case[] = [
	{
		node: 'identomat',
		credentials: identomat,
		pending: async () => {
			const begun = await run('identomat', identomat(), {
				resource: 'session',
				operation: 'begin',
				steps: { step: [{ type: 'liveness' }] },
			});
			return {
				resource: 'session',
				operation: 'getResult',
				session: begun.items[0].json.session_token,
			};
		},
		isRead: (r) => r.path === '/result/',
	},
	{
		node: 'verigram',
		credentials: verigram,
		pending: async () => {
			const flow = await run('verigram', verigram(), {
				resource: 'flow',
				operation: 'create',
				callbackUrl: 'https://example.com/back',
				personId: 'p-1',
				locale: 'en',
			});
			return {
				resource: 'flow',
				operation: 'getResult',
				flowId: byId(flow.items[0].json.flow_id as string),
			};
		},
		isRead: (r) => r.method === 'GET' && /\/result$/.test(String(r.path)),
	},
	{
		node: 'nevis',
		credentials: nevis,
		pending: async () => {
			const started = await run('nevis', nevis(), {
				resource: 'identityVerificationSession',
				operation: 'start',
			});
			return {
				resource: 'identityVerificationSession',
				operation: 'get',
				sessionId: byId(started.items[0].json.sessionId as string),
			};
		},
		isRead: (r) => r.method === 'GET',
	},
];

// A time limit long enough for a second read even on a busy machine; nobody finishes, so each run
// ends at the limit.
const WAIT = { timeoutSeconds: 1.5, initialIntervalSeconds: 0.05 };

describe.each(cases)('$node, Wait for Final Result', ({ node, credentials, pending, isRead }) => {
	const reads = () => sb.requests(node).filter(isRead).length;

	it.each([
		['the switch with its settings beside it', { waitForFinalResult: true, ...WAIT }],
		[
			'settings saved in Options by an earlier version',
			{ options: { waitForFinalResult: true, ...WAIT } },
		],
	])(
		'%s: reads again until the time limit, then returns the last result with finalResult false',
		async (_where, settings) => {
			const parameters = await pending();
			sb.clearRequests();
			const result = await run(node, credentials(), { ...parameters, ...settings });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ finalResult: false });
			expect(reads()).toBeGreaterThan(1);
			expect(result.items[0].json.attempts).toBe(reads());
		},
	);

	it('switch off: one read, in the shape of a plain read', async () => {
		const parameters = await pending();
		sb.clearRequests();
		const result = await run(node, credentials(), {
			...parameters,
			timeoutSeconds: 1.5,
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.finalResult).toBeUndefined();
		expect(reads()).toBe(1);
	});
});
