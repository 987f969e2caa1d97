'use strict';
// Assignees (team members assigned to a client, organisation, record or case) and the team members
// that may be assigned. Each assignment has its own id: DELETE .../assignees/{assigneeId} takes that
// id, not the team member's ("Unique assignee identifier").
const express = require('express');
const { notFound, unprocessable } = require('./errors');
const { listResponse, addedResponse, getOr404 } = require('./helpers');

const ASSIGNMENT_ID_BASE = 34530;
// The sandbox user plus the two colleagues of the documentation's examples.
const COLLEAGUES = [
	{ id: 121, name: 'Lorraine Baines', email: 'lorraine@example.com', role: 'member' },
	{ id: 472, name: 'Dennis Jones', email: 'dennis@example.com', role: 'member' },
];

function teamMembers(st) {
	if (!st.teamMembers) {
		st.teamMembers = new Map([
			[st.user.id, { id: st.user.id, name: st.user.name, email: st.user.email, role: 'owner' }],
			...COLLEAGUES.map((m) => [m.id, { ...m }]),
		]);
	}
	return st.teamMembers;
}

function teamMember(st, id) {
	const m = teamMembers(st).get(id);
	return { object: 'team_member', id: m.id, name: m.name, email: m.email, role: m.role };
}

const assignments = (st) => (st.assignments ??= new Map());

// The parents, keyed by their path segment. `map` finds the parent's state.
const PARENTS = {
	clients: { kind: 'client', map: (st) => st.clients, missing: 'Client not found', writable: true },
	organisations: {
		kind: 'organisation',
		map: (st) => (st.organisations ??= new Map()),
		missing: 'Organisation not found',
		writable: true,
	},
	records: { kind: 'record', map: (st) => st.records, missing: 'Record not found', writable: true },
	cases: {
		kind: 'case',
		map: (st) => (st.cases ??= new Map()),
		missing: 'Case not found',
		writable: false,
	},
};

function assigneesOf(st, kind, parentId) {
	return [...assignments(st).values()]
		.filter((a) => a.kind === kind && a.parent === parentId)
		.sort((a, b) => a.id - b.id);
}

/** The team member ids assigned to a parent (what the parent's `assignees` shows, and the list filters read). */
function assignedTeamMemberIds(st, kind, parentId) {
	return assigneesOf(st, kind, parentId).map((a) => a.team_member);
}

function serialize(st, a) {
	return {
		object: 'assignee',
		id: a.id,
		type: 'team_member',
		team_member: teamMember(st, a.team_member),
	};
}

function assign(st, kind, parent, teamMemberId) {
	const id = ASSIGNMENT_ID_BASE + st.ids.next('assignment');
	const a = { id, kind, parent: parent.id, team_member: teamMemberId };
	assignments(st).set(id, a);
	return a;
}

// Keeps `parent.assignees` (team member ids) in step: the client and record list filters read it.
function sync(st, kind, parent) {
	parent.assignees = assignedTeamMemberIds(st, kind, parent.id);
}

// Every team member must exist in the team; a body naming one twice adds it once.
function teamMemberIdsOf(st, body) {
	const errors = {};
	const ids = [];
	body.forEach((entry, i) => {
		if (!teamMembers(st).has(entry.team_member))
			errors[`${i}.team_member`] = ['The selected team member is invalid.'];
		else if (!ids.includes(entry.team_member)) ids.push(entry.team_member);
	});
	if (Object.keys(errors).length) throw unprocessable(errors);
	return ids;
}

function assigneesRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	for (const [segment, parentType] of Object.entries(PARENTS)) {
		const parentOf = (id) => getOr404(parentType.map(st()), id, parentType.missing);

		r.get(`/${segment}/:id/assignees`, (req, res) => {
			const parent = parentOf(req.params.id);
			listResponse(ctx, req, res, assigneesOf(st(), parentType.kind, parent.id), (a) =>
				serialize(st(), a),
			);
		});
		if (!parentType.writable) continue;

		r.post(`/${segment}/:id/assignees`, (req, res) => {
			const parent = parentOf(req.params.id);
			const current = assignedTeamMemberIds(st(), parentType.kind, parent.id);
			const added = teamMemberIdsOf(st(), req.body)
				.filter((id) => !current.includes(id))
				.map((id) => assign(st(), parentType.kind, parent, id));
			sync(st(), parentType.kind, parent);
			addedResponse(ctx, req, res, added, (a) => serialize(st(), a));
		});

		r.put(`/${segment}/:id/assignees`, (req, res) => {
			const parent = parentOf(req.params.id);
			const wanted = teamMemberIdsOf(st(), req.body);
			const current = assigneesOf(st(), parentType.kind, parent.id);
			for (const a of current) if (!wanted.includes(a.team_member)) assignments(st()).delete(a.id);
			const kept = current.map((a) => a.team_member);
			const added = wanted
				.filter((id) => !kept.includes(id))
				.map((id) => assign(st(), parentType.kind, parent, id));
			sync(st(), parentType.kind, parent);
			addedResponse(ctx, req, res, added, (a) => serialize(st(), a));
		});

		r.delete(`/${segment}/:id/assignees`, (req, res) => {
			const parent = parentOf(req.params.id);
			for (const a of assigneesOf(st(), parentType.kind, parent.id)) assignments(st()).delete(a.id);
			sync(st(), parentType.kind, parent);
			res.status(204).end();
		});

		r.delete(`/${segment}/:id/assignees/:assigneeId`, (req, res) => {
			const parent = parentOf(req.params.id);
			const a = assignments(st()).get(Number(req.params.assigneeId));
			if (!a || a.kind !== parentType.kind || a.parent !== parent.id)
				throw notFound('Assignee not found');
			assignments(st()).delete(a.id);
			sync(st(), parentType.kind, parent);
			res.status(204).end();
		});
	}
	return r;
}

/** Seeds an assignment (cases have no endpoint that assigns). */
function seedAssignee(ctx, segment, parentId, teamMemberId = ctx.state().user.id) {
	const st = ctx.state();
	const parentType = PARENTS[segment];
	const parent = getOr404(parentType.map(st), parentId, parentType.missing);
	if (!teamMembers(st).has(teamMemberId))
		throw new Error(`team member ${teamMemberId} not in the team`);
	const a = assign(st, parentType.kind, parent, teamMemberId);
	sync(st, parentType.kind, parent);
	return serialize(st, a);
}

module.exports = {
	COLLEAGUES,
	assigneesRouter,
	assignedTeamMemberIds,
	teamMember,
	teamMembers,
	seedAssignee,
};
