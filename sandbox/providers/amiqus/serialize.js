'use strict';
// Internal state -> documented Amiqus JSON shapes. Expandable properties are ids unless expanded.
const { isoSeconds } = require('../../core/clock');

const iso = (d) => isoSeconds(d, 'Z');
const TITLES = {
	miss: 'Miss',
	ms: 'Ms',
	mrs: 'Mrs',
	mr: 'Mr',
	dr: 'Dr',
	sir: 'Sir',
	master: 'Master',
	mx: 'Mx',
	dame: 'Dame',
	lord: 'Lord',
	lady: 'Lady',
	prof: 'Prof',
};

const ADDRESS_LINES = [
	'unit',
	'house_name',
	'house_number',
	'street_name',
	'second_street',
	'district',
	'city',
	'province',
	'postcode',
	'country',
];

function address(a) {
	if (!a) return null;
	return { object: 'address', ...Object.fromEntries(ADDRESS_LINES.map((k) => [k, a[k] ?? null])) };
}

function name(n) {
	const title = n.title ?? null;
	const titleText = title === 'other' ? n.other_title : TITLES[title];
	const full = [n.first_name, n.middle_name, n.last_name].filter(Boolean).join(' ');
	return {
		object: 'name',
		title,
		other_title: n.other_title ?? null,
		first_name: n.first_name,
		middle_name: n.middle_name ?? null,
		last_name: n.last_name,
		name: `${n.first_name} ${n.last_name}`,
		full_name: full,
		complete_name: [titleText, full].filter(Boolean).join(' '),
	};
}

function client(c, st) {
	return {
		object: 'client',
		id: c.id,
		status: c.status ?? null,
		name: name(c.name),
		email: c.email,
		landline: c.landline ?? null,
		mobile: c.mobile ?? null,
		dob: c.dob ?? null,
		reference: c.reference ?? null,
		national_insurance_number: null,
		is_deletable: true,
		deletion_date: c.deletion_date ?? null,
		created_at: iso(c.created_at),
		updated_at: iso(c.updated_at),
		archived_at: iso(c.archived_at),
	};
}

function step(s, st, expand = []) {
	const out = { object: 'step', id: s.id, type: s.type };
	if (s.type !== 'form') out.preferences = s.preferences;
	if (s.type.startsWith('check.'))
		out.check = expand.includes('check') ? check(st.checks.get(s.check), st) : s.check;
	else if (s.type.startsWith('document.'))
		out.document = expand.includes('document')
			? recordDocument(st.documents.get(s.document), st)
			: s.document;
	else if (s.type === 'form') out.form = s.form;
	out.cost = s.cost;
	out.completed_at = iso(s.completed_at);
	if (s.review != null)
		out.review = expand.includes('review') ? review(st.reviews.get(s.review), st) : s.review;
	else out.review = s.reviewable ? null : false;
	return out;
}

function record(r, st, expand = [], { status, performUrl }) {
	const c = st.clients.get(r.client);
	return {
		object: 'record',
		id: r.id,
		status,
		perform_url: performUrl,
		email: r.email,
		client: expand.includes('client') && c ? client(c, st) : r.client,
		name: name(r.name),
		steps: r.steps.map((id) => step(st.steps.get(id), st)),
		has_reminders: r.has_reminders,
		created_at: iso(r.created_at),
		updated_at: iso(r.updated_at),
		expired_at: iso(r.expired_at),
		archived_at: iso(r.archived_at),
		is_declaration_required: r.is_declaration_required,
		declaration_confirmed_at: null,
	};
}

function check(c, st, expand = [], recordSerializer) {
	let response = null;
	if (c.response) response = expand.includes('response') ? c.response : true;
	return {
		object: 'check',
		id: c.id,
		type: c.type,
		record: expand.includes('record') && recordSerializer ? recordSerializer(c.record) : c.record,
		status: c.status,
		response,
		allow_replay: true,
		allow_cancel: true,
		requires_consent: true,
		created_at: iso(c.created_at),
		updated_at: iso(c.updated_at),
	};
}

function recordDocument(d, st, expand = []) {
	const attachments = d.attachments
		? d.attachments.map((id) =>
				expand.includes('attachments') && st && st.attachments.get(id)
					? attachment(st.attachments.get(id))
					: id,
			)
		: null;
	return {
		object: 'record_document',
		id: d.id,
		type: d.type,
		name: d.name,
		status: d.status,
		config: d.config,
		source: { type: 'record', id: d.record },
		attachments,
		created_at: iso(d.created_at),
		updated_at: iso(d.updated_at),
		completed_at: iso(d.completed_at),
	};
}

// The token's user (the team's owner) as a team member: the reviewer and creator the sandbox knows.
const sandboxUser = (st) => ({
	object: 'team_member',
	id: st.user.id,
	name: st.user.name,
	email: st.user.email,
	role: 'owner',
});

function review(v, st, expand = []) {
	return {
		object: 'step_review',
		id: v.id,
		reviewed_by: expand.includes('reviewed_by') ? sandboxUser(st) : v.reviewed_by,
		status: v.status,
		from_status: v.from_status,
		message: v.message ?? null,
		created_at: iso(v.created_at),
		updated_at: iso(v.updated_at),
	};
}

function attachment(a) {
	return {
		object: 'attachment',
		id: a.id,
		name: a.name,
		original: a.original,
		type: a.type,
		size: a.size,
		av_status: a.av_status,
		created_at: iso(a.created_at),
		updated_at: iso(a.updated_at),
	};
}

// Which files may be deleted is not documented beyond `is_deletable`: the sandbox keeps the evidence of checks.
const isDeletableFile = (f) => f.source.type !== 'check';

function clientFile(f, st, expand = []) {
	const creator = f.created_by || { id: st.user.id, type: 'team_member' };
	return {
		object: 'client_file',
		id: f.id,
		type: f.type,
		source: f.source,
		name: f.name,
		attachment: attachment(st.attachments.get(f.attachment)),
		created_by:
			expand.includes('created_by') && creator.type === 'team_member' ? sandboxUser(st) : creator,
		is_deletable: isDeletableFile(f),
		expires_at: iso(f.expires_at),
		created_at: iso(f.created_at),
		updated_at: iso(f.updated_at),
		redacted_at: st.attachments.get(f.attachment).redacted
			? iso(st.attachments.get(f.attachment).updated_at)
			: null,
	};
}

function template(t) {
	return {
		object: 'record_template',
		id: t.id,
		name: t.name,
		description: t.description,
		presets: t.presets,
		is_enabled: t.is_enabled,
		created_at: iso(t.created_at),
		updated_at: iso(t.updated_at),
	};
}

function webhook(w) {
	return {
		object: 'webhook',
		id: w.id,
		uuid: w.uuid,
		url: w.url,
		secret: w.secret,
		events: w.events,
		is_enabled: w.is_enabled,
		created_at: iso(w.created_at),
		updated_at: iso(w.updated_at),
	};
}

module.exports = {
	ADDRESS_LINES,
	address,
	isDeletableFile,
	name,
	client,
	step,
	record,
	check,
	recordDocument,
	review,
	attachment,
	clientFile,
	template,
	webhook,
	iso,
};
