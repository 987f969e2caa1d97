import type { IDataObject } from 'n8n-workflow';

import { byId, json, received, runAmiqus, useSandbox } from '../helpers';

/**
 * The assignee operations are built once (nodes/Amiqus/actions/assignees.ts) and offered by the
 * Client, Organisation and Record resources (all five) and the Case resource (Get Assignees only).
 */
describe('Amiqus node: assignees of clients, organisations, records and cases', () => {
	const { sb } = useSandbox();

	const PARENTS = [
		{
			resource: 'client',
			locator: 'clientId',
			path: 'clients',
			seed: () => sb().amiqus.seed.client().id as number,
		},
		{
			resource: 'organisation',
			locator: 'organisationId',
			path: 'organisations',
			seed: () => sb().amiqus.seed.organisation().id as number,
		},
		{
			resource: 'record',
			locator: 'recordId',
			path: 'records',
			seed: () => sb().amiqus.seed.record().id as number,
		},
	];

	describe.each(PARENTS)('$resource', ({ resource, locator, path, seed }) => {
		it('adds, replaces, lists and removes assignees, sending what Amiqus documents', async () => {
			const id = seed();
			const run = (operation: string, extra: IDataObject = {}) =>
				runAmiqus(sb(), { resource, operation, [locator]: byId(id), ...extra });

			const added = await run('addAssignees', { teamMemberIds: '121, 472, 121' });
			expect(added.error).toBeUndefined();
			expect(added.items[0].json).toMatchObject({
				[resource]: id,
				added: [{ team_member: { id: 121 } }, { team_member: { id: 472 } }],
			});

			// Adding one already assigned: Amiqus answers 204 and the node says nothing was added.
			const again = await run('addAssignees', { teamMemberIds: '121' });
			expect(again.items[0].json).toEqual({ [resource]: id, added: [] });

			const replaced = await run('replaceAssignees', { teamMemberIds: '472,345789' });
			expect(replaced.items[0].json).toMatchObject({
				[resource]: id,
				added: [{ team_member: { id: 345789 } }],
			});

			const listed = await run('getAssignees', { returnAll: true });
			expect(json(listed.items).map((a) => (a.team_member as IDataObject).id)).toEqual([
				472, 345789,
			]);
			const assigneeId = listed.items[0].json.id as number;

			const removed = await run('removeAssignee', { assigneeId });
			expect(removed.error?.message).toBeUndefined();
			expect(removed.items[0].json).toEqual({
				[resource]: id,
				assignee: assigneeId,
				removed: true,
			});
			const removedAll = await run('removeAllAssignees');
			expect(removedAll.items[0].json).toEqual({ [resource]: id, removedAll: true });
			const empty = await run('getAssignees', { returnAll: false, limit: 10 });
			expect(empty.items).toEqual([]);

			expect(received(sb()).map((r) => [r.method, r.path, r.body])).toEqual([
				[
					'POST',
					`/${path}/${id}/assignees`,
					[
						{ type: 'team_member', team_member: 121 },
						{ type: 'team_member', team_member: 472 },
					],
				],
				['POST', `/${path}/${id}/assignees`, [{ type: 'team_member', team_member: 121 }]],
				[
					'PUT',
					`/${path}/${id}/assignees`,
					[
						{ type: 'team_member', team_member: 472 },
						{ type: 'team_member', team_member: 345789 },
					],
				],
				['GET', `/${path}/${id}/assignees`, undefined],
				['DELETE', `/${path}/${id}/assignees/${assigneeId}`, undefined],
				['DELETE', `/${path}/${id}/assignees`, undefined],
				['GET', `/${path}/${id}/assignees`, undefined],
			]);
			expect(
				received(sb())
					.filter((r) => r.method === 'GET')
					.map((r) => r.query),
			).toEqual([
				{ page: '1', limit: '100' },
				{ page: '1', limit: '10' },
			]);
		});

		it('refuses team member IDs that are not numbers before sending anything, naming the item', async () => {
			const id = seed();
			const result = await runAmiqus(
				sb(),
				{
					resource,
					operation: 'addAssignees',
					[locator]: byId(id),
					teamMemberIds: '={{ $json.members }}',
				},
				{ items: [{ members: '121, 472' }, { members: '121, lorraine' }], continueOnFail: true },
			);
			expect(result.items[0].json).toMatchObject({ [resource]: id });
			expect(result.items[1].json.error).toBe(
				'"Team Member IDs" must be IDs (positive whole numbers) separated by commas, got "lorraine" [item 1]',
			);
			expect(received(sb())).toHaveLength(1);
		});
	});

	it('takes team member IDs mapped as an array, and says when Amiqus does not know one', async () => {
		const id = sb().amiqus.seed.client().id as number;
		const ok = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'replaceAssignees',
			clientId: byId(id),
			teamMemberIds: '={{ [121, 472] }}',
		});
		expect(ok.items[0].json.added).toHaveLength(2);
		const unknown = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'addAssignees',
			clientId: byId(id),
			teamMemberIds: '999',
		});
		expect(unknown.error?.message).toMatch(/Amiqus: .*HTTP 422/);
		expect(received(sb()).map((r) => r.status)).toEqual([201, 422]);
	});

	it('the client list filter sees the assignees added through the node', async () => {
		const [a, b] = [sb().amiqus.seed.client().id, sb().amiqus.seed.client().id];
		await runAmiqus(sb(), {
			resource: 'client',
			operation: 'addAssignees',
			clientId: byId(b),
			teamMemberIds: '472',
		});
		const result = await runAmiqus(sb(), {
			resource: 'client',
			operation: 'getAll',
			returnAll: true,
			filters: { assignee: 472 },
		});
		expect(json(result.items).map((c) => c.id)).toEqual([b]);
		expect(a).not.toBe(b);
	});

	it('Case: Get Assignees lists the team members assigned to a case', async () => {
		const kase = sb().amiqus.seed.case();
		sb().amiqus.seed.assignee({ parent: 'cases', parentId: kase.id, teamMember: 121 });
		const result = await runAmiqus(sb(), {
			resource: 'case',
			operation: 'getAssignees',
			caseId: byId(kase.id),
			returnAll: true,
		});
		expect(json(result.items)).toEqual([
			{
				object: 'assignee',
				id: expect.any(Number),
				type: 'team_member',
				team_member: {
					object: 'team_member',
					id: 121,
					name: 'Lorraine Baines',
					email: 'lorraine@example.com',
					role: 'member',
				},
			},
		]);
		expect(received(sb()).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /cases/${kase.id}/assignees`,
		]);
	});
});
