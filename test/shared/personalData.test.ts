import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	buildWorkflow,
	credentialsHelperWith,
	packageNode,
	runNode,
	typeName,
} from '../harness/engine';
import { sandboxCredentials } from '../harness/sandbox';
import { WebhookHost } from '../harness/webhooks';
import { createIdv } from '../ondato/helpers';

const { startSandbox } = jest.requireActual('../../sandbox');

/**
 * Verdict-only output (Simplify, on by default from node version 2): every read that returns a
 * person's data and every trigger give the verdict without `person` and `document` and the ids to
 * read more later; Simplify off and version 1 (saved workflows) keep the full output.
 */
describe('personal data: verdict-only output', () => {
	let sb: any;
	const raw = axios.create({ validateStatus: () => true, maxRedirects: 0 });
	const FORM = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	afterAll(async () => sb.close());
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.problems).toEqual([]));

	/** An Ondato identity verification, approved: its KYC identification holds the sandbox person. */
	const approvedIdv = async (): Promise<string> => {
		const id = await createIdv(sb);
		sb.ondato.complete(id, { outcome: 'approved' });
		return id;
	};

	const creds = () => {
		const c = sandboxCredentials(sb);
		return {
			amiqus: c.amiqus(),
			ondato: c.ondato({ webhookUsername: 'pd-user', webhookPassword: 'pd-password' }),
			identomat: c.identomat({
				secretKey: '',
				callbackApiKey: sb.identomat.config.callbacks.apiKey,
			}),
			verigram: c.verigram(),
			nevis: c.nevis(),
		};
	};
	type Provider = 'amiqus' | 'ondato' | 'identomat' | 'verigram' | 'nevis';
	const run = async (provider: Provider, parameters: IDataObject, typeVersion?: number) => {
		const out = await runNode({
			type: typeName(provider),
			parameters,
			credentials: creds()[provider] as never,
			typeVersion,
		});
		expect(out.error).toBeUndefined();
		return out.items.map((item) => item.json);
	};
	const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

	/** Each read: how to get a finished verification, the parameters of the read, the person's values and the ids kept. */
	const reads: Array<{
		name: string;
		provider: Provider;
		prepare: () => Promise<IDataObject>;
		person: string[];
		ids: string[];
	}> = [
		{
			name: 'Amiqus › Record › Get (Include Check Results, client expanded)',
			provider: 'amiqus',
			prepare: async () => {
				const r = sb.amiqus.seed.record({
					steps: [
						{
							type: 'check.photo_id',
							preferences: { report_type: 'standard', docs: ['passport'] },
						},
					],
				});
				sb.amiqus.completeRecord(r.id, { outcome: 'accepted' });
				return {
					resource: 'record',
					operation: 'get',
					recordId: byId(r.id),
					options: { includeChecks: true, expandClient: true },
				};
			},
			person: ['McFly', 'Martin'],
			ids: ['id', 'status'],
		},
		{
			name: 'Amiqus › Record › Get Many',
			provider: 'amiqus',
			prepare: async () => {
				sb.amiqus.seed.record({
					steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
				});
				return {
					resource: 'record',
					operation: 'getAll',
					returnAll: true,
					options: { expandClient: true },
				};
			},
			person: ['McFly', 'Martin'],
			ids: ['id', 'status'],
		},
		{
			name: 'Ondato › Identity Verification › Get (Include KYC Identification)',
			provider: 'ondato',
			prepare: async () => {
				const id = await approvedIdv();
				return {
					resource: 'identityVerification',
					operation: 'get',
					identityVerificationId: id,
					options: { includeKycIdentification: true },
				};
			},
			person: ['JOHNSON', 'PU2343443343', '1985-02-27'],
			ids: ['id', 'status'],
		},
		{
			name: 'Ondato › KYC Identification › Get',
			provider: 'ondato',
			prepare: async () => {
				const id = await approvedIdv();
				return {
					resource: 'kycIdentification',
					operation: 'get',
					kycIdentificationId: sb.ondato.state.idvs.get(id).step.kycIdentification.id,
				};
			},
			person: ['JOHNSON', 'PU2343443343', '1985-02-27'],
			ids: ['id', 'identityVerificationId', 'status'],
		},
		{
			name: 'Identomat › Session › Get Result',
			provider: 'identomat',
			prepare: async () => {
				const [begun] = await run('identomat', {
					resource: 'session',
					operation: 'begin',
					configurationMode: 'json',
					configurationJson: '{}',
				});
				sb.identomat.completeSession(begun.session_token, { outcome: 'approved' });
				return { resource: 'session', operation: 'getResult', session: begun.session_token };
			},
			person: ['SPECIMEN', '001122333', '1979-11-25'],
			ids: ['session_token', 'result'],
		},
		{
			name: 'Verigram › Flow › Get (the input data sent at creation)',
			provider: 'verigram',
			prepare: async () => {
				const [flow] = await run('verigram', {
					resource: 'flow',
					operation: 'create',
					callbackUrl: 'https://example.com/cb',
					personId: 'client-1',
					locale: 'en',
					additionalFields: { inputData: '{"iin":"880101300123","last_name":"Abaiuly"}' },
				});
				return { resource: 'flow', operation: 'get', flowId: byId(flow.flow_id as string) };
			},
			person: ['880101300123', 'Abaiuly'],
			ids: ['flow_id', 'status'],
		},
		{
			name: 'Nevis › Session › Get',
			provider: 'nevis',
			prepare: async () => {
				const [session] = await run('nevis', {
					resource: 'identityVerificationSession',
					operation: 'start',
				});
				expect((await raw.post(session.startUrl as string, 'outcome=verified', FORM)).status).toBe(
					200,
				);
				return {
					resource: 'identityVerificationSession',
					operation: 'get',
					sessionId: byId(session.sessionId as string),
				};
			},
			person: ['Muster', 'X1234567', '1990-04-23'],
			ids: ['sessionId', 'status'],
		},
	];

	const hasAny = (value: unknown, needles: string[]) =>
		needles.filter((needle) => JSON.stringify(value).includes(needle));

	it.each(reads.map((read) => [read.name, read] as const))(
		'%s: version 2 gives the verdict only; Simplify off and version 1 the full data',
		async (_name, read) => {
			const parameters = await read.prepare();
			const [reduced] = await run(read.provider, parameters, 2);
			expect(hasAny(reduced, read.person)).toEqual([]);
			for (const key of read.ids) expect(reduced).toHaveProperty(key);
			if (read.provider !== 'verigram') {
				// The verdict and the provider's ids are kept; its person and document are not.
				expect(reduced.verification).toMatchObject({
					provider: read.provider,
					ids: expect.any(Object),
					status: expect.any(String),
				});
				expect(reduced.verification).not.toHaveProperty('person');
				expect(reduced.verification).not.toHaveProperty('document');
			}
			// Only plain values besides the verdict: no nested object of the provider's answer passes.
			for (const [key, value] of Object.entries(reduced))
				if (key !== 'verification') expect(['string', 'number', 'boolean']).toContain(typeof value);
			const [full] = await run(read.provider, { ...parameters, simplify: false }, 2);
			expect(hasAny(full, read.person).length).toBeGreaterThan(0);
			const [saved] = await run(read.provider, parameters, 1);
			expect(hasAny(saved, read.person).length).toBeGreaterThan(0);
		},
	);

	it('Amiqus › Check › Get: the check response (document data) is left out of the verdict-only output', async () => {
		const r = sb.amiqus.seed.record({
			steps: [
				{ type: 'check.photo_id', preferences: { report_type: 'standard', docs: ['passport'] } },
			],
		});
		sb.amiqus.completeRecord(r.id, { outcome: 'accepted' });
		const checkId = typeof r.steps[0].check === 'object' ? r.steps[0].check.id : r.steps[0].check;
		const parameters = {
			resource: 'check',
			operation: 'get',
			checkId,
			options: { expand: ['response', 'record'] },
		};
		const [reduced] = await run('amiqus', parameters, 2);
		expect(Object.keys(reduced).sort()).toEqual(
			[
				'id',
				'status',
				'type',
				'verification',
				...['created_at', 'updated_at'].filter((k) => k in reduced),
			].sort(),
		);
		const [full] = await run('amiqus', parameters, 2 - 1);
		expect(full).toHaveProperty('response');
	});

	describe('triggers', () => {
		let host: WebhookHost | undefined;
		afterEach(async () => host?.stop());
		const startTrigger = async (
			provider: Provider,
			parameters: IDataObject,
			typeVersion: number,
		) => {
			const helper = credentialsHelperWith(creds()[provider] as never);
			const credentialType = Object.keys(creds()[provider])[0];
			const trigger = packageNode('Trigger', typeName(`${provider}Trigger`), parameters, {
				typeVersion,
				webhookId: `${provider}-pd-hook`,
				credentials: { [credentialType]: { id: credentialType, name: credentialType } },
			});
			const after = packageNode('After', 'n8n-nodes-base.noOp', {});
			host = await new WebhookHost(
				buildWorkflow({
					nodes: [trigger, after],
					connections: { Trigger: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
				}),
				helper,
			).start();
			await host.activate();
			return host.webhookUrl('Trigger');
		};
		const emitted = async () => {
			const [execution] = await host!.waitForExecutions(1);
			return execution.output('After')[0].json;
		};

		it.each([2, 1])('Nevis Trigger, version %i: the browser return', async (typeVersion) => {
			const url = await startTrigger(
				'nevis',
				{ redirectUrl: 'https://portal.example.com/done', options: { waitSeconds: 0 } },
				typeVersion,
			);
			sb.nevis.setConfig({ redirectUrl: url, redirectSessionParam: 'sessionId' });
			const [session] = await run('nevis', {
				resource: 'identityVerificationSession',
				operation: 'start',
			});
			const back = await raw.post(session.startUrl as string, 'outcome=verified', FORM);
			await raw.get(back.headers.location);
			const item = await emitted();
			expect(item.verification).toMatchObject({
				status: 'verified',
				ids: { sessionId: expect.anything() },
			});
			const found = hasAny(item, ['Muster', 'X1234567', '1990-04-23']);
			if (typeVersion === 2) {
				expect(found).toEqual([]);
				expect(item).toHaveProperty('deliveryKey');
			} else expect(found.length).toBeGreaterThan(0);
		});

		it('Identomat Trigger (browser return), version 2: the verdict and the session token only', async () => {
			const url = (
				await startTrigger(
					'identomat',
					{ source: 'browserReturn', redirectUrl: 'https://portal.example.com/done' },
					2,
				)
			).replace(/\/callback$/, '/return');
			const [begun] = await run('identomat', {
				resource: 'session',
				operation: 'begin',
				configurationMode: 'json',
				configurationJson: '{}',
			});
			sb.identomat.completeSession(begun.session_token, { outcome: 'approved' });
			expect((await raw.get(`${url}?session_token=${begun.session_token}`)).status).toBe(302);
			const item = await emitted();
			expect(item).toMatchObject({
				session_token: begun.session_token,
				verification: { status: 'verified' },
			});
			expect(hasAny(item, ['SPECIMEN', '001122333', '1979-11-25'])).toEqual([]);
		});

		it('Verigram Trigger, version 2: the verdict and the flow id only', async () => {
			const url = await startTrigger(
				'verigram',
				{ redirectUrl: 'https://portal.example.com/done', options: { waitSeconds: 0 } },
				2,
			);
			sb.verigram.setConfig({ callbackFlowIdParam: 'flow_id' });
			const [flow] = await run('verigram', {
				resource: 'flow',
				operation: 'create',
				callbackUrl: url,
				personId: 'client-1',
				locale: 'en',
			});
			const back = await raw.post(
				`${sb.verigram.baseUrl}/hf2/${flow.flow_id}/`,
				'outcome=pass',
				FORM,
			);
			await raw.get(back.headers.location);
			const item = await emitted();
			expect(item).toMatchObject({ flow_id: flow.flow_id, verification: { status: 'verified' } });
			expect(item).not.toHaveProperty('services');
			expect(item.verification).not.toHaveProperty('person');
		});

		it.each([2, 1])('Ondato Trigger (Fetch Current State), version %i', async (typeVersion) => {
			const hook = { username: 'pd-user', password: 'pd-password' };
			const url = await startTrigger(
				'ondato',
				{
					events: ['IdentityVerification.StatusChanged'],
					authentication: 'basicAuth',
					options: { fetchCurrentState: true },
				},
				typeVersion,
			);
			sb.ondato.registerWebhook({
				url,
				basic: hook,
				events: ['IdentityVerification.StatusChanged'],
			});
			const id = await approvedIdv();
			const item = await emitted();
			expect(item.verification).toMatchObject({
				status: 'verified',
				ids: { identityVerificationId: id },
			});
			const found = hasAny(item, ['JOHNSON', 'PU2343443343', '1985-02-27']);
			if (typeVersion === 2) {
				expect(found).toEqual([]);
				expect(item).toMatchObject({ event: 'IdentityVerification.StatusChanged', payloadId: id });
				expect(item).not.toHaveProperty('payload');
			} else expect(found.length).toBeGreaterThan(0);
		});

		it.each([2, 1])('Amiqus Trigger (Fetch Full Resource), version %i', async (typeVersion) => {
			await startTrigger(
				'amiqus',
				{ events: ['record.finished'], options: { fetchFullResource: true, includeChecks: true } },
				typeVersion,
			);
			const r = sb.amiqus.seed.record({
				steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
			});
			sb.amiqus.completeRecord(r.id, { outcome: 'accepted' });
			const item = await emitted();
			expect(item.verification).toMatchObject({ status: 'verified', ids: { recordId: r.id } });
			expect(item).toMatchObject({
				event: 'record.finished',
				payload: { data: { record: { id: r.id } } },
			});
			const found = hasAny(item, ['McFly', 'Martin']);
			if (typeVersion === 2) {
				expect(found).toEqual([]);
				expect(item).not.toHaveProperty('record');
			} else expect(found.length).toBeGreaterThan(0);
		});
	});
});
