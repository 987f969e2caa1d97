import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/request';
import { credentialsOf, useSandbox } from '../amiqus/helpers';
import {
	buildWorkflow,
	chain,
	credentialsHelperWith,
	executeWorkflow,
	packageNode,
	typeName,
} from '../harness/engine';
import { writeFigures } from './figures';

const N = 500;
const MAX_ATTEMPTS = 1 + DEFAULT_RETRY_POLICY.maxRetries;
const API_ERROR =
	/^Amiqus: (The provider is rate limiting the requests \(HTTP 429\)|The provider had an internal problem \(HTTP 5\d\d\)|The provider could not be reached)/;

/**
 * 500 items through Create Client → Create Record while the sandbox answers with bursts of 429
 * (Retry-After), 5xx, dropped connections and slow responses, spread over the whole run.
 * Afterwards: no duplicate client or record, every item succeeded or carries a clear error, and
 * the retries stayed within the bound (only 429 retried for these POSTs, at most 3 times).
 */
describe('reliability: a 500-item create run under provider faults', () => {
	const { sb } = useSandbox();
	beforeEach(() => sb().amiqus.setConfig({ rateLimit: { enforce: false } }));

	/** A repeating schedule of faults; the gaps are 1 ms delays so faults land all through the run. */
	function scheduleFaults(cycles: number): Map<number, string> {
		const kinds = new Map<number, string>();
		const add = (kind: string, spec: IDataObject) =>
			kinds.set(
				(sb().faults.add({ provider: 'amiqus', method: 'POST', ...spec }) as { id: number }).id,
				kind,
			);
		for (let c = 0; c < cycles; c++) {
			add('gap', { delayMs: 1, times: 20 });
			add('429', { status: 429, retryAfter: 0.05, times: 4 });
			add('gap', { delayMs: 1, times: 20 });
			add('5xx', { status: 503, times: 1 });
			add('gap', { delayMs: 1, times: 20 });
			add('drop', { drop: true, times: 1 });
			add('gap', { delayMs: 1, times: 20 });
			add('slow', { delayMs: 300, times: 3 });
			add('gap', { delayMs: 1, times: 20 });
			add('5xx', { status: 500, times: 1 });
		}
		return kinds;
	}

	it('loses nothing, duplicates nothing and keeps retries bounded', async () => {
		const kinds = scheduleFaults(9);
		const node = (name: string, parameters: IDataObject) =>
			packageNode(name, typeName('amiqus'), parameters, {
				credentials: { amiqusApi: { id: 'amiqusApi', name: 'amiqusApi' } },
				onError: 'continueRegularOutput',
			});
		const workflow = buildWorkflow(
			chain([
				node('Create Client', {
					resource: 'client',
					operation: 'create',
					firstName: '={{ $json.first }}',
					lastName: 'Fault',
					email: '={{ $json.email }}',
					additionalFields: { reference: '={{ $json.ref }}' },
				}),
				node('Create Record', {
					resource: 'record',
					operation: 'create',
					clientId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					createFrom: 'stepsJson',
					stepsJson:
						'[{"type":"check.photo_id","preferences":{"report_type":"standard","docs":["passport"]}}]',
					notification: 'none',
				}),
			]),
		);
		const input: INodeExecutionData[] = Array.from({ length: N }, (_, i) => ({
			json: { first: `Item${i}`, email: `item${i}@example.com`, ref: `rel-${i}` },
		}));
		const started = Date.now();
		const result = await executeWorkflow({
			workflow,
			credentials: credentialsHelperWith(credentialsOf(sb())),
			input,
		});
		const seconds = (Date.now() - started) / 1000;
		expect(result.error).toBeUndefined();

		const clientsOut = result.output('Create Client');
		const recordsOut = result.output('Create Record');
		expect(clientsOut).toHaveLength(N);
		expect(recordsOut).toHaveLength(N);
		expect(clientsOut.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(recordsOut.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));

		// Every item either succeeded or carries a clear error that names Amiqus and what happened.
		const clientOk: boolean[] = clientsOut.map((item, i) => {
			const json = item.json as IDataObject;
			if (json.error === undefined) {
				expect(json).toMatchObject({ object: 'client', reference: `rel-${i}` });
				return true;
			}
			expect(String(json.error)).toMatch(API_ERROR);
			return false;
		});
		const recordOk: boolean[] = recordsOut.map((item, i) => {
			const json = item.json as IDataObject;
			if (json.error === undefined) {
				expect(clientOk[i]).toBe(true);
				expect(json.object).toBe('record');
				expect(
					typeof json.client === 'object' ? (json.client as IDataObject).id : json.client,
				).toBe(clientsOut[i].json.id);
				return true;
			}
			// A failed client gives its record item a clear "Client" validation error, not a request.
			expect(String(json.error)).toMatch(clientOk[i] ? API_ERROR : /Client/);
			return false;
		});

		// The sandbox holds exactly the clients and records that succeeded: nothing duplicated, nothing hidden.
		const state = sb().amiqus.state;
		const clients = [...state.clients.values()] as Array<{ id: number; reference: string }>;
		const records = [...state.records.values()] as Array<{ id: number; client: number }>;
		const references = clients.map((c) => c.reference);
		expect(new Set(references).size).toBe(references.length);
		expect(references.sort()).toEqual(
			clientsOut
				.filter((_, i) => clientOk[i])
				.map((i) => i.json.reference as string)
				.sort(),
		);
		expect(new Set(records.map((r) => r.client)).size).toBe(records.length);
		expect(records.length).toBe(recordOk.filter(Boolean).length);

		// Retries within their bound: a POST is retried only after a 429, one retry per 429 unless the
		// item gave up after its last attempt; 5xx and dropped connections are never repeated.
		const log = sb().requests('amiqus') as Array<{
			method: string;
			path: string;
			status: number | null;
			dropped?: boolean;
			fault?: { id: number };
		}>;
		const figuresFor = (
			path: string,
			outputs: INodeExecutionData[],
			ok: boolean[],
			reached: boolean[],
		) => {
			const posts = log.filter((r) => r.method === 'POST' && r.path === path);
			const kindOf = (r: (typeof posts)[number]) => (r.fault ? kinds.get(r.fault.id) : undefined);
			const answered429 = posts.filter((r) => r.status === 429).length;
			const gaveUpOn429 = outputs.filter((o) =>
				String(o.json.error ?? '').includes('(HTTP 429)'),
			).length;
			const attempted = reached.filter(Boolean).length;
			expect(posts.length).toBe(attempted + answered429 - gaveUpOn429);
			expect(posts.length).toBeLessThanOrEqual(attempted * MAX_ATTEMPTS);
			const failed = ok.filter((x) => !x).length;
			return {
				items: N,
				requests: posts.length,
				succeeded: ok.filter(Boolean).length,
				failedWithClearError: failed,
				lost: N - ok.filter(Boolean).length - failed,
				faults: {
					'429': answered429,
					'5xx': posts.filter((r) => kindOf(r) === '5xx').length,
					dropped: posts.filter((r) => r.dropped || kindOf(r) === 'drop').length,
					slow: posts.filter((r) => kindOf(r) === 'slow').length,
				},
				retries: answered429 - gaveUpOn429,
				gaveUpAfterMaxRetries: gaveUpOn429,
			};
		};
		const clientFigures = figuresFor(
			'/clients',
			clientsOut,
			clientOk,
			clientsOut.map(() => true),
		);
		const recordFigures = figuresFor('/records', recordsOut, recordOk, clientOk);
		for (const f of [clientFigures, recordFigures]) {
			expect(f.lost).toBe(0);
			expect(f.faults['429']).toBeGreaterThan(0);
			expect(f.faults['5xx']).toBeGreaterThan(0);
			expect(f.faults.dropped).toBeGreaterThan(0);
			expect(f.faults.slow).toBeGreaterThan(0);
		}
		// The faults were the only failures: most items went through.
		expect(clientFigures.succeeded).toBeGreaterThan(N * 0.9);
		writeFigures('faults', {
			description: `${N} items through Amiqus Create Client → Create Record (Concurrency 5) while the sandbox injected 429 bursts with Retry-After, 5xx, dropped connections and slow responses`,
			createClient: clientFigures,
			createRecord: {
				...recordFigures,
				skippedBecauseClientFailed: clientOk.filter((x) => !x).length,
			},
			duplicateClients: references.length - new Set(references).size,
			duplicateRecords: records.length - new Set(records.map((r) => r.client)).size,
			runSeconds: Math.round(seconds * 10) / 10,
		});
	});
});
