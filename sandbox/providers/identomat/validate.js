'use strict';
// begin/ parameter checks, per the developer guide. Returns an error text or null.
const LANGUAGES = [
	'en',
	'es',
	'ka',
	'uk',
	'ru',
	'uz',
	'it',
	'gr',
	'tr',
	'ro',
	'ar',
	'de',
	'pl',
	'hi',
	'bn',
	'az',
	'ja',
	'pt',
	'fr',
	'kk',
	'sv',
];
const STEP_TYPES = {
	'identity-document': {
		key: 'identity-document',
		bool: ['disable_document_capture', 'allow_document_upload'],
		arr: ['document_types', 'document_countries'],
	},
	liveness: { key: 'liveness', bool: ['liveness', 'allow_face_upload'] },
	'general-document': { key: 'select_general_document', arr: ['general_document_types'] },
	'face-document': {
		key: 'capture_face_document',
		bool: ['allow_face_doc_upload', 'require_face_document'],
	},
	'video-call': { key: 'video-call', bool: ['resetSteps', 'hideCameraOption', 'nameRequired'] },
	'phone-number': {
		key: 'phone_number',
		bool: ['require_phone_number_check', 'require_phone_number'],
	},
	email: { key: 'require_email', bool: ['require_email_check', 'require_email'] },
	'user-questionnaire': { questionnaire: true },
	'operator-questionnaire': { questionnaire: true },
};
const BOOL_FLAGS = [
	'skip_face',
	'skip_document',
	'skip_desktop',
	'restrict_url_sharing',
	'optional_continue_on_another_device',
	'multiple_participants',
	'requireHdMedia',
];
const isObj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const isText = (v) =>
	typeof v === 'string' ||
	(isObj(v) && Object.entries(v).every(([l, t]) => LANGUAGES.includes(l) && typeof t === 'string'));
const isUrl = (v) => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);

function questionnaire(step, where) {
	if (step.title !== undefined && !isText(step.title))
		return `${where}.title must be text or a per-language object`;
	if (step.description !== undefined && !isText(step.description))
		return `${where}.description must be text or a per-language object`;
	if (!Array.isArray(step.questions) || !step.questions.length)
		return `${where}.questions must be a non-empty array`;
	const byKey = new Map();
	const optionKeys = new Set();
	for (const [i, q] of step.questions.entries()) {
		const w = `${where}.questions[${i}]`;
		if (!isObj(q)) return `${w} must be an object`;
		if (!['string', 'multiple-choice', 'options'].includes(q.type))
			return `${w}.type must be string, multiple-choice or options`;
		if (typeof q.key !== 'string' || !q.key) return `${w}.key is required`;
		if (byKey.has(q.key)) return `${w}.key "${q.key}" is not unique in the questionnaire`;
		byKey.set(q.key, q);
		if (!isText(q.title)) return `${w}.title must be text or a per-language object`;
		if (q.options !== undefined && q.type === 'string')
			return `${w}.options are only allowed on options and multiple-choice questions`;
		if (q.type !== 'string') {
			if (!Array.isArray(q.options) || !q.options.length)
				return `${w}.options must be a non-empty array`;
			for (const [j, o] of q.options.entries()) {
				if (!isObj(o) || typeof o.key !== 'string' || !o.key)
					return `${w}.options[${j}].key is required`;
				if (optionKeys.has(o.key))
					return `${w}.options[${j}].key "${o.key}" is not unique in the questionnaire`;
				optionKeys.add(o.key);
				if (!isText(o.title))
					return `${w}.options[${j}].title must be text or a per-language object`;
			}
		}
		for (const b of ['mandatory', 'readOnly'])
			if (q[b] !== undefined && typeof q[b] !== 'boolean') return `${w}.${b} must be a boolean`;
	}
	for (const [i, q] of step.questions.entries()) {
		const w = `${where}.questions[${i}]`;
		const own = (q.options || []).map((o) => o.key);
		if (q.answer !== undefined) {
			if (q.type === 'string' && typeof q.answer !== 'string')
				return `${w}.answer must be a string`;
			if (q.type === 'options' && !own.includes(q.answer))
				return `${w}.answer must be an option key`;
			if (
				q.type === 'multiple-choice' &&
				(!Array.isArray(q.answer) || q.answer.some((a) => !own.includes(a)))
			)
				return `${w}.answer must be an array of option keys`;
		}
		if (q.showConditions !== undefined) {
			const c = q.showConditions;
			if (!isObj(c) || !byKey.has(c.questionKey) || c.questionKey === q.key)
				return `${w}.showConditions.questionKey must name another question`;
			const t = byKey.get(c.questionKey);
			if (
				t.type === 'string'
					? typeof c.answer !== 'string'
					: !(t.options || []).some((o) => o.key === c.answer)
			)
				return `${w}.showConditions.answer does not fit question ${c.questionKey}`;
		}
	}
	return null;
}

function validateBegin(params, config) {
	const { flags, steps } = params;
	if (flags !== undefined) {
		if (!isObj(flags)) return 'flags must be an object';
		for (const f of BOOL_FLAGS)
			if (flags[f] !== undefined && typeof flags[f] !== 'boolean')
				return `flags.${f} must be a boolean`;
		for (const f of ['return_url', 'switch_device_url'])
			if (flags[f] != null && flags[f] !== '' && !isUrl(flags[f]))
				return `flags.${f} must be an http(s) URL`;
		if (flags.language !== undefined && !LANGUAGES.includes(flags.language))
			return `flags.language "${flags.language}" is not supported`;
	}
	if (params.config_id !== undefined && !config.configurations[params.config_id])
		return 'config_id';
	if (steps === undefined) return null;
	if (!Array.isArray(steps)) return 'steps must be an array';
	const keys = new Set();
	for (const [i, s] of steps.entries()) {
		const where = `steps[${i}]`;
		if (!isObj(s)) return `${where} must be an object`;
		const def = STEP_TYPES[s.type];
		if (!def && config.strictStepTypes) return `${where}.type "${s.type}" is unknown`;
		const key = s.key ?? def?.key;
		if (typeof key !== 'string' || !key) return `${where}.key is required`;
		if (keys.has(key)) return `${where}.key "${key}" is not unique`;
		keys.add(key);
		if (def?.questionnaire) {
			const e = questionnaire(s, where);
			if (e) return e;
			continue;
		}
		if (s.title !== undefined && !isText(s.title))
			return `${where}.title must be text or a per-language object`;
		if (s.flags !== undefined && !isObj(s.flags)) return `${where}.flags must be an object`;
		for (const b of def?.bool || []) {
			for (const holder of [s.flags || {}, s])
				if (holder[b] !== undefined && typeof holder[b] !== 'boolean')
					return `${where} ${b} must be a boolean`;
		}
		for (const a of def?.arr || []) {
			const v = (s.flags || {})[a];
			if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string')))
				return `${where}.flags.${a} must be an array of strings`;
		}
	}
	return null;
}

module.exports = { validateBegin, STEP_TYPES, LANGUAGES };
