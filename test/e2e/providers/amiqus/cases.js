'use strict';
// Real-n8n e2e of the Amiqus Organisation and Case resources (run by test/e2e/providers/amiqus.js, execute --id):
//   - organisation create: Create Organisation → Create Client → Client Organisation › Add (IDs mapped from
//     both earlier nodes) → Organisation › Add Assignees → Organisation › Get Clients;
//   - a case round trip: Create Client → Create Record → Create Case → Add Items (the record) → Create Review
//     (approved) → Get Case with its items in full → Get Status Counts.
// Each check reads the node outputs of the run and what the sandbox holds and received.
const path = require('path');
const { isDeepStrictEqual } = require('util');
const { nodeType, nodeOutput } = require('../../n8n');
const { chain, CRED } = require('../../workflows');

const ID = { organisation: 'e2eAmiqusOrg001', case: 'e2eAmiqusCase01' };
const amiqus = (name, parameters) => ({
	name,
	type: nodeType('amiqus'),
	credentials: { amiqusApi: { id: CRED.id, name: CRED.name } },
	parameters,
});
const byId = (value) => ({ __rl: true, mode: 'id', value });
const manual = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };

const organisationWorkflow = () =>
	chain(ID.organisation, 'e2e: Amiqus organisation create → client joins → assignee → clients', [
		manual,
		amiqus('Create Organisation', {
			resource: 'organisation',
			operation: 'create',
			name: 'Probert Publishing',
			additionalFields: {
				company_number: 'SC123456',
				jurisdiction: 'gb',
				reference: 'e2e-org',
				address: { street_name: 'Market Street', city: 'London', country: 'GB' },
			},
		}),
		amiqus('Create Client', {
			resource: 'client',
			operation: 'create',
			firstName: 'Grace',
			lastName: 'Hopper',
			email: 'grace@example.com',
		}),
		amiqus('Join Organisation', {
			resource: 'clientOrganisation',
			operation: 'add',
			clientId: byId('={{ $json.id }}'),
			organisationIds: "={{ $('Create Organisation').item.json.id }}",
		}),
		amiqus('Assign Team Member', {
			resource: 'organisation',
			operation: 'addAssignees',
			organisationId: byId("={{ $('Create Organisation').item.json.id }}"),
			teamMemberIds: '121',
		}),
		amiqus('Get Clients', {
			resource: 'organisation',
			operation: 'getClients',
			organisationId: byId("={{ $('Create Organisation').item.json.id }}"),
			returnAll: true,
		}),
	]);

const caseWorkflow = () =>
	chain(ID.case, 'e2e: Amiqus case round trip', [
		manual,
		amiqus('Create Client', {
			resource: 'client',
			operation: 'create',
			firstName: 'Alan',
			lastName: 'Turing',
			email: 'alan@example.com',
		}),
		amiqus('Create Record', {
			resource: 'record',
			operation: 'create',
			clientId: byId('={{ $json.id }}'),
			createFrom: 'steps',
			steps: { step: [{ type: 'check.photo_id', reportType: 'standard', docs: ['passport'] }] },
			notification: 'none',
		}),
		amiqus('Create Case', {
			resource: 'case',
			operation: 'create',
			clientId: byId("={{ $('Create Client').item.json.id }}"),
			name: 'Onboarding',
			additionalFields: { reference: 'e2e-case' },
		}),
		amiqus('Add Record', {
			resource: 'case',
			operation: 'addItems',
			caseId: byId('={{ $json.id }}'),
			recordIds: "={{ $('Create Record').item.json.id }}",
		}),
		amiqus('Approve Case', {
			resource: 'case',
			operation: 'createReview',
			caseId: byId("={{ $('Create Case').item.json.id }}"),
			status: 'approved',
		}),
		amiqus('Get Case', {
			resource: 'case',
			operation: 'get',
			caseId: byId("={{ $('Create Case').item.json.id }}"),
			options: { expand: ['items', 'client'] },
		}),
		amiqus('Count Cases', { resource: 'case', operation: 'getStatusCounts' }),
	]);

const workflows = () => [organisationWorkflow(), caseWorkflow()];

function createChecks({ check, assert, eq, log }) {
	return async function checks(sb, n8n) {
		const execute = async (id) => {
			const r = await n8n.execute(id, { stdoutFile: path.join(n8n.folder, `execute-${id}.json`) });
			log(`execute ${id}: exit ${r.code}, ${r.ms} ms`);
			assert(r.run, `no run JSON in the output:\n${r.output.slice(-1500)}`);
			eq(
				r.status,
				'success',
				`run status ${JSON.stringify(r.run?.data?.resultData?.error?.message || '')}`,
			);
			return r.run;
		};
		const one = (run, node) => {
			const out = nodeOutput(run, node);
			eq(out.length, 1, `${node} items`);
			return out[0].json;
		};

		await check(
			'Amiqus › Organisation › Create, then a client joins it, a team member is assigned and its clients are listed',
			async () => {
				sb.clearRequests();
				const run = await execute(ID.organisation);
				const organisation = one(run, 'Create Organisation');
				eq(organisation.object, 'organisation', 'object');
				eq(organisation.jurisdiction, 'gb', 'jurisdiction');
				eq(organisation.address?.city, 'London', 'address city');
				assert(
					sb.amiqus.state.organisations.get(organisation.id),
					`organisation ${organisation.id} not in the sandbox`,
				);
				const client = one(run, 'Create Client');
				const joined = one(run, 'Join Organisation');
				eq(joined.client, client.id, 'Join Organisation client');
				eq(joined.added?.[0]?.id, organisation.id, 'organisation joined');
				eq(one(run, 'Assign Team Member').added?.[0]?.team_member?.id, 121, 'assigned team member');
				eq(one(run, 'Get Clients').id, client.id, 'the client of the organisation');
				const posts = sb
					.requests('amiqus')
					.filter((q) => q.method === 'POST' && q.path === '/organisations');
				eq(posts.length, 1, 'POST /organisations');
				const expected = {
					name: 'Probert Publishing',
					company_number: 'SC123456',
					reference: 'e2e-org',
					jurisdiction: 'gb',
					address: { street_name: 'Market Street', city: 'London', country: 'GB' },
				};
				assert(
					isDeepStrictEqual(posts[0].body, expected),
					`organisation body: ${JSON.stringify(posts[0].body)}`,
				);
				eq(
					JSON.stringify(
						sb.requests('amiqus').find((q) => q.path === `/clients/${client.id}/organisations`)
							?.body,
					),
					JSON.stringify([organisation.id]),
					'client organisations body',
				);
			},
		);

		await check(
			'Amiqus › Case round trip: create, add the record, approve, get it back with its items, count by status',
			async () => {
				sb.clearRequests();
				const run = await execute(ID.case);
				const record = one(run, 'Create Record');
				const created = one(run, 'Create Case');
				eq(created.status, 'pending', 'new case status');
				eq(one(run, 'Add Record').added?.[0]?.entity?.id, record.id, 'record added as an item');
				const review = one(run, 'Approve Case');
				eq(`${review.from_status} → ${review.status}`, 'pending → approved', 'review');
				const got = one(run, 'Get Case');
				eq(got.id, created.id, 'case id');
				eq(got.status, 'approved', 'status after the review');
				eq(got.client?.id, one(run, 'Create Client').id, 'client in full');
				eq(got.items?.[0]?.entity?.id, record.id, 'item in full');
				const counts = one(run, 'Count Cases').counts;
				assert(counts && counts.approved >= 1, `counts: ${JSON.stringify(counts)}`);
				eq(sb.amiqus.state.cases.get(created.id)?.status, 'approved', 'case status in the sandbox');
				const items = sb
					.requests('amiqus')
					.find((q) => q.method === 'PATCH' && q.path === `/cases/${created.id}/items`);
				eq(
					JSON.stringify(items?.body),
					JSON.stringify([{ id: record.id, type: 'record' }]),
					'case items body',
				);
			},
		);
	};
}

module.exports = { workflows, createChecks, ID };
