import { json, received, runAmiqus, useSandbox } from '../helpers';

describe('Amiqus node: Team', () => {
	const { sb } = useSandbox();

	it("Get returns the current team; Get My Membership the user's role in it", async () => {
		const team = await runAmiqus(sb(), { resource: 'team', operation: 'get' });
		expect(team.items[0].json).toMatchObject({ object: 'team', id: 88, name: 'Sandbox Team' });
		const me = await runAmiqus(sb(), { resource: 'team', operation: 'getMembership' });
		expect(me.items[0].json).toEqual({
			object: 'team_member',
			id: 345789,
			name: 'Sandbox User',
			email: 'sandbox.user@example.com',
			role: 'owner',
		});
		expect(received(sb()).map((r) => [r.path, r.status])).toEqual([
			['/team', 200],
			['/team/me', 200],
		]);
	});

	it("Update changes the contact email and telephone (owners only: a member gets Amiqus's 403)", async () => {
		const result = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'update',
			updateFields: { contact: 'compliance@example.com', telephone: '+44 20 7946 0000' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			contact: 'compliance@example.com',
			telephone: '+44 20 7946 0000',
		});
		expect(received(sb())[0]).toMatchObject({
			method: 'PATCH',
			path: '/team',
			status: 200,
			body: { contact: 'compliance@example.com', telephone: '+44 20 7946 0000' },
		});

		sb().amiqus.setConfig({ userRole: 'member' });
		const refused = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'update',
			updateFields: { contact: 'x@example.com' },
		});
		expect(refused.error?.message).toMatch(/^Amiqus: .*\(HTTP 403\)/);
		const bad = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'update',
			updateFields: { contact: 'nope' },
		});
		expect(bad.error?.message).toBe(
			'"Contact Email" must be an email address, got a value shaped "aaaa" [item 0]',
		);
		expect(received(sb())).toHaveLength(2);
	});

	it('Get Members of the current team pages with Limit; of another team asks with no page parameters', async () => {
		const current = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMembers',
			team: 'current',
			returnAll: false,
			limit: 2,
		});
		expect(json(current.items).map((m) => m.name)).toEqual(['Sandbox User', 'Lorraine Baines']);
		const other = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMembers',
			team: 'byId',
			teamId: 89,
			returnAll: false,
			limit: 1,
		});
		expect(other.error).toBeUndefined();
		expect(json(other.items)).toEqual([
			{
				object: 'team_member',
				id: 345789,
				name: 'Sandbox User',
				email: 'sandbox.user@example.com',
				role: 'member',
			},
		]);
		const all = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMembers',
			team: 'byId',
			teamId: 89,
			returnAll: true,
		});
		expect(json(all.items).map((m) => m.role)).toEqual(['member', 'owner']);
		expect(received(sb()).map((r) => [r.path, r.status, r.query])).toEqual([
			['/team/members', 200, { page: '1', limit: '2' }],
			['/teams/89/members', 200, {}],
			['/teams/89/members', 200, {}],
		]);
	});

	it('Get Member reads one member of the current team (its ID asked first) or of a team by ID', async () => {
		const current = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMember',
			team: 'current',
			memberId: 121,
		});
		expect(current.items[0].json).toMatchObject({
			id: 121,
			name: 'Lorraine Baines',
			role: 'member',
		});
		const other = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMember',
			team: 'byId',
			teamId: 89,
			memberId: 345792,
		});
		expect(other.items[0].json).toMatchObject({ id: 345792, name: 'George McFly', role: 'owner' });
		const missing = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMember',
			team: 'byId',
			teamId: 89,
			memberId: 121,
		});
		expect(missing.error?.message).toMatch(/^Amiqus: .*\(HTTP 404\)/);
		expect(received(sb()).map((r) => [r.path, r.status])).toEqual([
			['/team', 200],
			['/teams/88/members/121', 200],
			['/teams/89/members/345792', 200],
			['/teams/89/members/121', 404],
		]);
		const bad = await runAmiqus(sb(), {
			resource: 'team',
			operation: 'getMember',
			team: 'byId',
			teamId: 0,
			memberId: 1,
		});
		expect(bad.error?.message).toBe('"Team ID" must be a positive whole number, got "0" [item 0]');
	});
});
