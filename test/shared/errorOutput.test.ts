import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';

const { startSandbox } = require('../../sandbox');

// Settings › On Error of every action node, through n8n-core's real engine: n8n sends an item to
// the error output only when it recognises it as failed (item.error, or json of only error/message:
// n8n 1.x allows nothing else, 2.x also `details`; our error items are `{ error, message }` for both).
let sb: any;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
});
beforeEach(() => sb.reset());
afterAll(async () => await sb?.close());

const KYC_SETUP_ID = '5f16990b-d00a-4ff2-8102-e7b8d5820c28';
const MISSING_SETUP_ID = '00000000-0000-4000-8000-000000000000';

interface Case {
	node: string;
	parameters: IDataObject;
	credentials: () => Record<string, IDataObject>;
	/** Input fields of an item that succeeds (may create what it reads first) and of one that fails. */
	good: () => Promise<IDataObject>;
	bad: IDataObject;
	/** What the failed item's json says. */
	error: IDataObject;
}

// `message`: what to do about it, then the HTTP status.
const notFound = (provider: string) => ({
	error: expect.stringMatching(new RegExp(`^${provider}: .*\\(HTTP 4\\d\\d\\)`)),
	message: expect.stringMatching(/^\S.* \(HTTP 4\d\d\)$/),
});
const byId = (expression: string) => ({ __rl: true, mode: 'id', value: expression });
const identomat = () => sandboxCredentials(sb).identomat();
const verigram = () => sandboxCredentials(sb).verigram();
const nevis = () => sandboxCredentials(sb).nevis();
/** Runs one operation to create what the good items read. */
const created = async (
	node: string,
	credentials: Record<string, IDataObject>,
	parameters: IDataObject,
) =>
	(await runNode({ type: typeName(node), parameters, credentials: credentials as never })).items[0]
		.json;

const cases: Case[] = [
	{
		node: 'amiqus',
		parameters: {
			resource: 'client',
			operation: 'create',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: '={{ $json.email }}',
		},
		credentials: () => sandboxCredentials(sb).amiqus(),
		good: async () => ({ email: 'ada@example.com' }),
		bad: { email: 'not-an-email' },
		// A field-level error, with the hint in message.
		error: {
			error: expect.stringMatching(/"Email" must be an email address/),
			message: expect.stringMatching(/\w/),
		},
	},
	{
		node: 'ondato',
		parameters: {
			resource: 'identityVerification',
			operation: 'create',
			setupId: byId('={{ $json.setup }}'),
		},
		credentials: () => sandboxCredentials(sb).ondato(),
		good: async () => ({ setup: KYC_SETUP_ID }),
		bad: { setup: MISSING_SETUP_ID },
		error: notFound('Ondato'),
	},
	{
		node: 'identomat',
		parameters: { resource: 'session', operation: 'getResult', session: '={{ $json.session }}' },
		credentials: identomat,
		good: async () => ({
			session: (
				await created('identomat', identomat(), {
					resource: 'session',
					operation: 'begin',
					steps: { step: [{ type: 'liveness' }] },
				})
			).session_token,
		}),
		bad: { session: 'no-such-session' },
		error: { error: expect.stringMatching(/^Identomat: /), message: expect.stringMatching(/\w/) },
	},
	{
		node: 'verigram',
		parameters: { resource: 'flow', operation: 'get', flowId: byId('={{ $json.flow }}') },
		credentials: verigram,
		good: async () => ({
			flow: (
				await created('verigram', verigram(), {
					resource: 'flow',
					operation: 'create',
					callbackUrl: 'https://example.com/back',
					personId: 'p-1',
					locale: 'en',
				})
			).flow_id,
		}),
		bad: { flow: 'no-such-flow' },
		error: notFound('Verigram'),
	},
	{
		node: 'nevis',
		parameters: {
			resource: 'identityVerificationSession',
			operation: 'get',
			sessionId: byId('={{ $json.session }}'),
		},
		credentials: nevis,
		good: async () => ({
			session: (
				await created('nevis', nevis(), {
					resource: 'identityVerificationSession',
					operation: 'start',
				})
			).sessionId,
		}),
		bad: { session: '999999999' },
		error: notFound('Nevis'),
	},
];

describe.each(cases)(
	'$node node, On Error',
	({ node, parameters, credentials, good, bad, error }) => {
		const inputs = async () => [
			{ customer: 'c-1', ...(await good()) },
			{ customer: 'c-2', ...bad },
			{ customer: 'c-3', ...(await good()) },
		];

		it('Continue (using error output): the failed item, with its input fields, on the error output; the others on success', async () => {
			const run = await runNode({
				type: typeName(node),
				parameters,
				credentials: credentials() as never,
				items: await inputs(),
				onError: 'continueErrorOutput',
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(2);
			expect(run.items.every((i) => i.json.error === undefined)).toBe(true);
			expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(run.errorItems).toHaveLength(1);
			expect(run.errorItems[0].json).toMatchObject({ customer: 'c-2', ...bad, ...error });
			// Only the input fields besides `error` and `message`: what n8n 1.x also routes to the error output.
			expect(Object.keys(run.errorItems[0].json).sort()).toEqual(
				[...new Set(['customer', ...Object.keys(bad), 'error', 'message'])].sort(),
			);
			expect(run.errorItems[0].pairedItem).toEqual({ item: 1 });
		});

		it('Continue: the error item with its details in place, the other items go on', async () => {
			const run = await runNode({
				type: typeName(node),
				parameters,
				credentials: credentials() as never,
				items: await inputs(),
				onError: 'continueRegularOutput',
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(3);
			expect(run.items[0].json.error).toBeUndefined();
			expect(run.items[1].json).toEqual(error);
			expect(run.items[2].json.error).toBeUndefined();
		});
	},
);
