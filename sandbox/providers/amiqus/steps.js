'use strict';
const { documentTemplate } = require('./templates');
// Step creation: defaults, costs and the rules the spec cannot express.
const { unprocessable } = require('./errors');

// Credits per step type (illustrative; costs are team-specific on the live API).
const COSTS = {
	'check.photo_id': 1,
	'check.criminal_record': 16,
	'check.credit': 2,
	'check.identity': 2,
	'check.watchlist': 1,
	'check.banking_information': 2,
	'check.dummy': 0,
};

function withDefaults(type, p = {}) {
	if (type === 'check.photo_id') {
		if (p.report_type === 'biometric')
			return {
				report_type: 'biometric',
				issuing_countries: null,
				allow_fallback: false,
				right_to_work: null,
				right_to_rent: null,
				...p,
			};
		return {
			report_type: 'standard',
			face: false,
			liveness: false,
			facial_similarity: false,
			live_document: false,
			issuing_countries: null,
			right_to_work: null,
			right_to_rent: null,
			...p,
		};
	}
	if (type === 'check.criminal_record')
		return { free_volunteer: false, enable_payment: false, ...p };
	// A document template is resolved into the title and instructions it carries.
	if (type === 'document.request' && p.template != null) {
		const t = documentTemplate(p.template);
		if (t) return { title: t.name, instructions: t.content };
	}
	return p;
}

// knownTypes comes from the spec's StepTypes enum.
function validateSteps(steps, knownTypes) {
	const fields = {};
	if (!Array.isArray(steps)) return;
	steps.forEach((s, i) => {
		if (!s || typeof s !== 'object') return;
		if (knownTypes && !knownTypes.includes(s.type)) {
			fields[`steps.${i}.type`] = [`The selected steps.${i}.type is invalid.`];
			return;
		}
		const p = s.preferences || {};
		if (s.type === 'check.photo_id') {
			if (
				(p.report_type ?? 'standard') === 'standard' &&
				(!Array.isArray(p.docs) || !p.docs.length)
			)
				fields[`steps.${i}.preferences.docs`] = [
					'The docs field is required when report_type is standard.',
				];
			if (
				(p.right_to_work || p.right_to_rent) &&
				p.report_type !== 'biometric' &&
				!(p.docs || []).includes('passport')
			) {
				fields[`steps.${i}.preferences.docs`] = [
					'The docs must include passport when right_to_work or right_to_rent is set.',
				];
			}
		}
		if (s.type === 'check.criminal_record' && p.region === 'england' && !p.type)
			fields[`steps.${i}.preferences.type`] = [
				'The type field is required when region is england.',
			];
		if (s.type === 'form' && !p.form)
			fields[`steps.${i}.preferences.form`] = ['The form field is required.'];
		if (s.type === 'document.request' || s.type === 'document.transfer') {
			if (p.template != null && !documentTemplate(p.template))
				fields[`steps.${i}.preferences.template`] = [
					`The selected steps.${i}.preferences.template is invalid.`,
				];
			if (s.type === 'document.request' && p.template == null && (!p.title || !p.instructions))
				fields[`steps.${i}.preferences.title`] = [
					'The title and instructions fields are required when template is not present.',
				];
		}
	});
	if (Object.keys(fields).length) throw unprocessable(fields);
}

// Builds step + linked check/document objects in state; returns step ids.
function buildSteps(ctx, recordId, steps) {
	const st = ctx.state();
	const now = ctx.clock.now();
	return steps.map((input) => {
		const s = {
			id: st.ids.next('step'),
			record: recordId,
			type: input.type,
			preferences: withDefaults(input.type, input.preferences),
			cost: COSTS[input.type] ?? 0,
			completed_at: null,
			review: null,
			reviewable: input.type !== 'form',
		};
		if (input.type.startsWith('check.')) {
			const c = {
				id: st.ids.next('check'),
				type: input.type.slice(6),
				record: recordId,
				status: 'pending',
				response: null,
				created_at: now,
				updated_at: now,
			};
			st.checks.set(c.id, c);
			s.check = c.id;
		} else if (input.type.startsWith('document.')) {
			const p = input.preferences || {};
			const d = {
				id: st.ids.next('document'),
				record: recordId,
				type: input.type === 'document.request' ? 'requested' : 'sent',
				status: 'pending',
				name: p.title || p.name || null,
				config:
					input.type === 'document.request'
						? { instructions: p.instructions || '' }
						: {
								require_return: Boolean(p.require_return),
								require_confirmation: Boolean(p.require_confirmation),
								instructions: p.instructions ?? null,
								return_message: p.return_message ?? null,
							},
				attachments:
					input.type === 'document.transfer' && p.attachment != null
						? [Number(p.attachment)]
						: null,
				created_at: now,
				updated_at: now,
				completed_at: null,
			};
			st.documents.set(d.id, d);
			s.document = d.id;
		} else if (input.type === 'form') {
			s.form = input.preferences.form;
			delete s.preferences;
		}
		st.steps.set(s.id, s);
		return s.id;
	});
}

// Runs before the OpenAPI validator on POST /records: the spec's oneOf/anyOf over 16 step types
// yields unreadable errors, so the documented rules are checked first with precise field paths.
function preValidateRecord(knownTypes) {
	return (req, res, next) => {
		if (
			req.method === 'POST' &&
			req.path === '/records' &&
			req.body &&
			Array.isArray(req.body.steps) &&
			req.body.template == null
		)
			validateSteps(req.body.steps, knownTypes);
		next();
	};
}

module.exports = { buildSteps, validateSteps, withDefaults, preValidateRecord, COSTS };
