import axios from 'axios';

import { credentialsHelperWith } from '../../harness/engine';
import { useSandbox } from '../../harness/sandbox';
import { FACE_SETUP_ID, KYC_SETUP_ID, ondatoRequests } from '../helpers';
import { ONDATO, runOndato } from './helpers';

describe('Ondato node: IDV Setup', () => {
	const sb = useSandbox();
	const creds = () => ({ ondatoApi: sb.ondato.credentials });

	it('gets many with a limit, and all of them across pages', async () => {
		for (let i = 0; i < 120; i++)
			sb.ondato.seed.setup({ name: `Setup ${String(i).padStart(3, '0')}` });
		const limited = await runOndato(sb, { resource: 'idvSetup', operation: 'getAll', limit: 2 });
		expect(limited.items.map((i) => i.json.name)).toEqual([
			'Face authentication',
			'KYC onboarding',
		]);
		const call = ondatoRequests(sb, '/idvapi/v1/identity-verification-setups/filter')[0];
		expect(call).toMatchObject({
			method: 'POST',
			query: { limit: '2', orderBy: 'Name', orderDirection: 'Asc' },
			body: {},
		});
		sb.clearRequests();
		const all = await runOndato(sb, { resource: 'idvSetup', operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(123);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(123);
		expect(ondatoRequests(sb, '/idvapi').map((r) => r.query.offset)).toEqual([undefined, '100']);
	});

	it('stops instead of looping when the offset parameter is ignored, and can leave out disabled setups', async () => {
		for (let i = 0; i < 120; i++) sb.ondato.seed.setup({ name: `Setup ${i}` });
		sb.ondato.setConfig({ offsetParam: 'skip' });
		const result = await runOndato(sb, {
			resource: 'idvSetup',
			operation: 'getAll',
			returnAll: true,
			options: { includeDisabled: false },
		});
		expect(result.items.length).toBeLessThanOrEqual(100);
		expect(result.items.some((i) => i.json.isDisabled === true)).toBe(false);
		expect(ondatoRequests(sb, '/idvapi')).toHaveLength(2);
	});

	it('lists setups for the Setup locator through the list search', async () => {
		const { Ondato } = require('../../../nodes/Ondato/Ondato.node');
		const node = new Ondato();
		const helper = credentialsHelperWith(creds());
		const ctx = {
			getNodeParameter: () => undefined,
			getCredentials: async () =>
				await helper.getDecrypted(undefined, { id: 'ondatoApi', name: 'ondatoApi' }, 'ondatoApi'),
			getNode: () => ({ name: 'Ondato', type: ONDATO, typeVersion: 1, parameters: {} }),
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: any) => {
					const token = (
						await axios.post(
							sb.ondato.tokenUrl,
							new URLSearchParams({
								client_id: sb.ondato.credentials.clientId,
								client_secret: sb.ondato.credentials.clientSecret,
								grant_type: 'client_credentials',
							}).toString(),
						)
					).data.access_token;
					const r = await axios({
						method: options.method,
						url: options.url,
						params: options.qs,
						data: options.body,
						headers: { ...options.headers, Authorization: `Bearer ${token}` },
					});
					return { body: r.data, headers: r.headers, statusCode: r.status };
				},
			},
		};
		const found = await node.methods.listSearch.searchSetups.call(ctx, 'kyc');
		expect(found.results).toEqual([{ name: 'KYC onboarding', value: KYC_SETUP_ID }]);
		const all = await node.methods.listSearch.searchSetups.call(ctx);
		expect(all.results.map((r: any) => r.value)).toEqual([FACE_SETUP_ID, KYC_SETUP_ID]); // disabled one left out
	});
});
