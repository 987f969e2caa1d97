import { json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Account', () => {
	const { sb } = useSandbox();

	it("Check Status: ok with a valid token, Amiqus's 401 with a revoked one", async () => {
		const ok = await runAmiqus(sb(), { resource: 'account', operation: 'getStatus' });
		expect(ok.error).toBeUndefined();
		expect(json(ok.items)).toEqual([{ status: 'ok' }]);
		const refused = await runAmiqus(
			sb(),
			{ resource: 'account', operation: 'getStatus' },
			{ token: 'revoked-token' },
		);
		expect(refused.error?.message).toMatch(/^Amiqus: .*\(HTTP 401\)/);
		const [first, ...rest] = received(sb()).map((r) => [r.method, r.path, r.status]);
		expect(first).toEqual(['GET', '/status', 204]);
		// n8n's authenticated request asks once more after a 401 (it would refresh an OAuth2 token).
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every(([, path, status]) => path === '/status' && status === 401)).toBe(true);
	});

	it("Get Me returns the token's user", async () => {
		const result = await runAmiqus(sb(), { resource: 'account', operation: 'getMe' });
		expect(result.items[0].json).toEqual(sb().amiqus.state.user);
		expect(received(sb())[0]).toMatchObject({ method: 'GET', path: '/me', status: 200 });
	});

	it("Update Me changes the name at once; a new email waits for the user's confirmation", async () => {
		const result = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'updateMe',
			updateFields: { name: 'Robert Gale', email: 'robert.gale@example.com' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			object: 'user',
			name: 'Robert Gale',
			email: 'sandbox.user@example.com',
		});
		expect(received(sb())[0]).toMatchObject({ method: 'PATCH', path: '/me', status: 200 });
		expect(received(sb())[0].body).toEqual({
			name: 'Robert Gale',
			email: 'robert.gale@example.com',
		});

		sb().clearRequests();
		const bad = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'updateMe',
			updateFields: { email: 'robert' },
		});
		expect(bad.error?.message).toBe(
			'"Email" must be an email address, got a value shaped "aaaaaa" [item 0]',
		);
		const empty = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'updateMe',
			updateFields: {},
		});
		expect(empty.error?.message).toBe('"Update Fields" is empty [item 0]');
		expect(received(sb())).toEqual([]);
	});

	it("Get My Teams lists the user's teams, with Limit", async () => {
		const all = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'getMyTeams',
			returnAll: true,
		});
		expect(json(all.items).map((t) => [t.object, t.id])).toEqual([
			['team', 88],
			['team', 89],
		]);
		const one = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'getMyTeams',
			returnAll: false,
			limit: 1,
		});
		expect(json(one.items).map((t) => t.id)).toEqual([88]);
		expect(received(sb()).map((r) => [r.path, r.status, r.query])).toEqual([
			['/me/teams', 200, { page: '1', limit: '100' }],
			['/me/teams', 200, { page: '1', limit: '1' }],
		]);
	});

	it('Get Credit History: newest first, with the check that used the credits', async () => {
		const record = sb().amiqus.seed.record();
		const checkId = [...sb().amiqus.state.checks.keys()][0];
		sb().amiqus.seed.creditHistory({
			credits: 100,
			reason: 'Top up',
			causer: { id: 345789, type: 'user' },
		});
		sb().amiqus.seed.creditHistory({
			credits: -1,
			reason: 'Dummy check',
			causer: { id: checkId, type: 'check' },
		});
		const result = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'getCredits',
			returnAll: true,
			options: { order_by: 'desc', expandCauser: true },
		});
		expect(result.error).toBeUndefined();
		const entries = json(result.items);
		expect(entries.map((e) => e.reason)).toEqual(['Dummy check', 'Top up']);
		expect(entries[0].causer).toMatchObject({ object: 'check', id: checkId, record: record.id });
		expect(entries[1].causer).toEqual({ id: 345789, type: 'user' });
		expect(received(sb())[0]).toMatchObject({
			path: '/credits',
			status: 200,
			query: { sort_by: 'created_at', order_by: 'desc', expand: 'causer', page: '1', limit: '100' },
		});
	});

	it("Create SDK Token: a token for one record; an unknown record fails with Amiqus's 422", async () => {
		const record = sb().amiqus.seed.record();
		const result = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'createSdkToken',
			recordId: { __rl: true, mode: 'url', value: `https://id.amiqus.co/records/${record.id}` },
		});
		expect(result.error).toBeUndefined();
		const out = result.items[0].json;
		expect(out).toMatchObject({ object: 'sdk_token', record_id: record.id });
		expect(String(out.token).split('.')).toHaveLength(3);
		expect(received(sb())[0]).toMatchObject({
			method: 'POST',
			path: '/sdk_token',
			status: 201,
			body: { record_id: record.id },
		});

		const unknown = await runAmiqus(sb(), {
			resource: 'account',
			operation: 'createSdkToken',
			recordId: { __rl: true, mode: 'id', value: '5' },
		});
		expect(unknown.error?.message).toMatch(
			/^Amiqus: .*\(HTTP 422\): record_id: The selected record id is invalid\./,
		);
	});
});
