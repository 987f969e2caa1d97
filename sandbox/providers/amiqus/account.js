'use strict';
// The token's user and team (amiqus.md §3.3): PATCH /me, GET /me/teams, PATCH /team, GET /team/me,
// GET /team/members, GET /teams/{teamId}/members[/{teamMemberId}], GET /credits, POST /sdk_token.
// GET /me and GET /team are in index.js. State lives on the run's state object (reset with it).
const crypto = require('crypto');
const express = require('express');
const { forbidden, notFound, unprocessable } = require('./errors');
const { expandOf, listResponse, sortItems } = require('./helpers');
const ser = require('./serialize');
const { COLLEAGUES } = require('./assignees');

const OTHER_TEAM = {
	object: 'team',
	id: 89,
	identifier: 'sandbox-second-team',
	uuid: '1f0c6a3e-5d1b-4a55-9d0e-7a0e3b9b6c21',
	name: 'Sandbox Second Team',
	contact: 'second.team@example.com',
	telephone: null,
	tier: 'standard_2021',
	logo: null,
	is_support_enabled: false,
	created_at: '2020-03-02T09:00:00Z',
	updated_at: '2020-03-02T09:00:00Z',
	archived_at: null,
};

/** The account's state, made on first use: team members per team, pending email, credit history, SDK key. */
function accountOf(ctx) {
	const st = ctx.state();
	if (!st.account) {
		const me = (role) => ({
			object: 'team_member',
			id: st.user.id,
			name: st.user.name,
			email: st.user.email,
			role,
		});
		st.account = {
			teams: [st.team, structuredClone(OTHER_TEAM)],
			members: new Map([
				// The current team's colleagues are the ones records, clients and organisations can be assigned to.
				[st.team.id, [me(null), ...COLLEAGUES.map((m) => ({ object: 'team_member', ...m }))]],
				[
					OTHER_TEAM.id,
					[
						me('member'),
						{
							object: 'team_member',
							id: 345792,
							name: 'George McFly',
							email: 'george.mcfly@example.com',
							role: 'owner',
						},
					],
				],
			]),
			pendingEmail: null,
			credits: [],
			sdkKey: crypto.randomBytes(32),
		};
	}
	// The token user's role in the current team follows the sandbox setting (config.userRole).
	st.account.members.get(st.team.id)[0].role = ctx.config().userRole;
	return st.account;
}

/** A credit history entry (seed): { credits, reason, causer: { id, type: 'user' | 'check' } | null }. */
function addCreditHistory(ctx, { credits = -1, reason = 'Check performed', causer = null } = {}) {
	const st = ctx.state();
	const entry = {
		object: 'credit_history',
		id: st.ids.next('credit'),
		credits,
		reason,
		causer,
		created_at: ctx.clock.now(),
	};
	accountOf(ctx).credits.push(entry);
	return serializeCredit(entry, st, []);
}

function serializeCredit(e, st, expand) {
	let causer = e.causer;
	if (expand.includes('causer') && causer && causer.type === 'check' && st.checks.has(causer.id))
		causer = ser.check(st.checks.get(causer.id), st);
	return { ...e, causer, created_at: ser.iso(e.created_at) };
}

const b64url = (v) =>
	Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function accountRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();
	const membersOf = (teamId) => {
		const list = accountOf(ctx).members.get(Number(teamId));
		if (!list) throw notFound('Team not found');
		return list;
	};

	r.patch('/me', (req, res) => {
		const b = req.body;
		const user = st().user;
		if ('name' in b) user.name = b.name;
		// Documented: a new email address only shows once the user confirms it from their current address.
		if ('email' in b && b.email !== user.email) accountOf(ctx).pendingEmail = b.email;
		user.updated_at = ser.iso(ctx.clock.now());
		res.json(user);
	});
	r.get('/me/teams', (req, res) => listResponse(ctx, req, res, accountOf(ctx).teams));

	r.patch('/team', (req, res) => {
		if (ctx.config().userRole !== 'owner') throw forbidden();
		const team = st().team;
		for (const key of ['contact', 'telephone']) if (key in req.body) team[key] = req.body[key];
		team.updated_at = ser.iso(ctx.clock.now());
		res.json(team);
	});
	r.get('/team/me', (req, res) => res.json(membersOf(st().team.id)[0]));
	r.get('/team/members', (req, res) => listResponse(ctx, req, res, membersOf(st().team.id)));
	// Documented without page or limit: the first page only.
	r.get('/teams/:teamId/members', (req, res) =>
		listResponse(ctx, req, res, membersOf(req.params.teamId)),
	);
	r.get('/teams/:teamId/members/:memberId', (req, res) => {
		const member = membersOf(req.params.teamId).find((m) => m.id === Number(req.params.memberId));
		if (!member) throw notFound('Team member not found');
		res.json(member);
	});

	r.get('/credits', (req, res) => {
		const expand = expandOf(req);
		const items = sortItems(
			accountOf(ctx).credits,
			req.query.sort_by,
			req.query.order_by,
			(e, k) => e[k],
		);
		listResponse(ctx, req, res, items, (e) => serializeCredit(e, st(), expand));
	});

	r.post('/sdk_token', (req, res) => {
		const recordId = req.body.record_id;
		if (!st().records.has(recordId))
			throw unprocessable({ record_id: ['The selected record id is invalid.'] });
		const now = Math.floor(ctx.clock.nowMs() / 1000);
		const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: String(recordId), record_id: recordId, iat: now, exp: now + 3600 })}`;
		const signature = crypto
			.createHmac('sha256', accountOf(ctx).sdkKey)
			.update(head)
			.digest('base64url');
		res.status(201).json({ object: 'sdk_token', token: `${head}.${signature}` });
	});
	return r;
}

module.exports = { accountRouter, accountOf, addCreditHistory };
