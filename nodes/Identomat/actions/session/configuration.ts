import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import {
	GENERAL_BOOLEAN_FLAGS,
	GENERAL_URL_FLAGS,
	LANGUAGE_CODES,
	QUESTIONNAIRE_TYPES,
	QUESTION_TYPES,
	STEP_ARRAY_FLAGS,
	STEP_BOOLEAN_FLAGS,
	STEP_TYPES,
} from '../../constants';

/** What begin/ receives besides company_key. */
export interface SessionConfiguration extends IDataObject {
	flags?: IDataObject;
	steps?: IDataObject[];
	config_id?: string;
	parent_session_id?: string;
}

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/* ------------------------------------------------------------------ builder → JSON */

/** A title or description: plain text, or an object per language when translations are given. */
function localized(check: InputValidator, field: string, plain: unknown, translations: unknown): string | IDataObject | undefined {
	const text = typeof plain === 'string' ? plain : '';
	const raw = typeof translations === 'string' ? translations.trim() : translations;
	if (raw === '' || raw === undefined || raw === null || (isObject(raw) && Object.keys(raw).length === 0)) {
		return text === '' ? undefined : text;
	}
	const parsed = check.json<unknown>(`${field} Translations`, raw);
	if (!isObject(parsed)) check.fail(`${field} Translations`, 'must be a JSON object of language code → text', 'e.g. {"en": "Address", "ka": "მისამართი"}');
	const out: IDataObject = { ...(parsed as IDataObject) };
	if (text !== '' && out.en === undefined) out.en = text;
	return out;
}

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter((v) => v !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

function jsonObject(check: InputValidator, field: string, value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'string' && value.trim() === '') return {};
	const parsed = check.json<unknown>(field, value);
	if (!isObject(parsed)) check.fail(field, 'must be a JSON object');
	return parsed as IDataObject;
}

function buildQuestion(check: InputValidator, field: string, q: IDataObject): IDataObject {
	const type = String(q.type ?? 'string');
	const question: IDataObject = { type, key: q.key, title: localized(check, `${field} Title`, q.title, q.titleTranslations) };
	if (q.mandatory === true) question.mandatory = true;
	if (q.readOnly === true) question.readOnly = true;
	const options = ((q.answerOptions as IDataObject | undefined)?.option as IDataObject[] | undefined) ?? [];
	if (options.length) {
		question.options = options.map((o, i) => ({
			key: o.key,
			title: localized(check, `${field} Option ${i + 1} Title`, o.title, o.titleTranslations),
		}));
	}
	const answer = typeof q.answer === 'string' ? q.answer.trim() : '';
	if (answer !== '') question.answer = type === 'multiple-choice' ? list(answer) : answer;
	const conditionKey = typeof q.showConditionQuestionKey === 'string' ? q.showConditionQuestionKey.trim() : '';
	if (conditionKey !== '') question.showConditions = { questionKey: conditionKey, answer: q.showConditionAnswer ?? '' };
	return question;
}

/** Turns the step builder's values into the `steps` array Identomat expects. */
function buildStep(check: InputValidator, index: number, s: IDataObject, videoCallPlacement: string): IDataObject {
	const type = String(s.type);
	const field = `Step ${index + 1}`;
	const step: IDataObject = { type };
	const key = typeof s.key === 'string' ? s.key.trim() : '';
	step.key = key !== '' ? key : STEP_TYPES[type]?.defaultKey;
	const title = localized(check, `${field} Title`, s.title, s.titleTranslations);
	if (title !== undefined) step.title = title;
	if (QUESTIONNAIRE_TYPES.includes(type)) {
		const description = localized(check, `${field} Description`, s.description, s.descriptionTranslations);
		if (description !== undefined) step.description = description;
		if (type === 'user-questionnaire' && typeof s.successButtonTitle === 'string' && s.successButtonTitle !== '') {
			step.successButtonTitle = s.successButtonTitle;
		}
		const questions = ((s.questions as IDataObject | undefined)?.question as IDataObject[] | undefined) ?? [];
		step.questions = questions.map((q, i) => buildQuestion(check, `${field} Question ${i + 1}`, q));
		return step;
	}
	const flags: IDataObject = {};
	for (const name of STEP_BOOLEAN_FLAGS[type] ?? []) flags[name] = s[name] === true;
	if (type === 'identity-document') {
		const types = list(s.document_types);
		const countries = list(s.document_countries).map((c) => c.toUpperCase());
		if (types.length) flags.document_types = types;
		if (countries.length) flags.document_countries = countries;
	}
	if (type === 'general-document') {
		const types = list(s.general_document_types);
		if (types.length) flags.general_document_types = types;
	}
	Object.assign(flags, jsonObject(check, `${field} Additional Step Flags`, s.additionalStepFlags));
	if (type === 'video-call' && videoCallPlacement === 'step') {
		// The guide lists these settings next to Type and Key, not under Flags (placement UNCONFIRMED).
		for (const name of STEP_BOOLEAN_FLAGS['video-call']) {
			step[name] = flags[name];
			delete flags[name];
		}
	}
	if (Object.keys(flags).length) step.flags = flags;
	return step;
}

/** Builds flags and steps from the builder parameters of one item. */
export function configurationFromBuilder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	options: IDataObject,
): SessionConfiguration {
	const given = ctx.getNodeParameter('flags', itemIndex, {}) as IDataObject;
	const flags: IDataObject = { ...jsonObject(check, 'Additional Flags', given.additionalFlags) };
	for (const [name, value] of Object.entries(given)) {
		if (name === 'additionalFlags') continue;
		if (typeof value === 'string' && value.trim() === '') continue;
		flags[name] = typeof value === 'string' ? value.trim() : value;
	}
	const rawSteps = ((ctx.getNodeParameter('steps', itemIndex, {}) as IDataObject).step as IDataObject[] | undefined) ?? [];
	const placement = String(options.videoCallSettingsPlacement ?? 'step');
	const steps = rawSteps.map((s, i) => buildStep(check, i, s, placement));
	const config: SessionConfiguration = {};
	const configId = typeof options.configId === 'string' ? options.configId.trim() : '';
	if (steps.length && !configId && options.skipDefaultSteps !== false) {
		// Developer guide: with steps, set skip_face and skip_document so the default
		// identity-document and liveness steps are not duplicated.
		if (flags.skip_face === undefined) flags.skip_face = true;
		if (flags.skip_document === undefined) flags.skip_document = true;
	}
	if (Object.keys(flags).length) config.flags = flags;
	if (steps.length) config.steps = steps;
	if (configId) config.config_id = configId;
	const parent = typeof options.parentSessionId === 'string' ? options.parentSessionId.trim() : '';
	if (parent) config.parent_session_id = parent;
	return config;
}

/* ------------------------------------------------------------------ validation */

function checkLocalized(check: InputValidator, field: string, value: unknown, required: boolean) {
	if (value === undefined || value === null || value === '') {
		if (required) check.fail(field, 'is required');
		return;
	}
	if (typeof value === 'string') return;
	if (!isObject(value)) check.fail(field, 'must be text or an object of language code → text');
	const entries = Object.entries(value as IDataObject);
	if (!entries.length && required) check.fail(field, 'is required');
	for (const [language, text] of entries) {
		if (!LANGUAGE_CODES.includes(language)) {
			check.fail(field, `has an unknown language code "${language}"`, `Use one of ${LANGUAGE_CODES.join(', ')}.`);
		}
		if (typeof text !== 'string') check.fail(`${field}.${language}`, 'must be text');
	}
}

function checkQuestionnaire(check: InputValidator, field: string, step: IDataObject) {
	checkLocalized(check, `${field}.title`, step.title, false);
	checkLocalized(check, `${field}.description`, step.description, false);
	if (step.successButtonTitle !== undefined && typeof step.successButtonTitle !== 'string') {
		check.fail(`${field}.successButtonTitle`, 'must be text');
	}
	if (!Array.isArray(step.questions) || step.questions.length === 0) {
		check.fail(`${field}.questions`, 'must list at least one question');
	}
	const questions = step.questions as unknown[];
	const byKey = new Map<string, IDataObject>();
	const optionKeys = new Set<string>();
	questions.forEach((raw, i) => {
		const qField = `${field}.questions[${i}]`;
		if (!isObject(raw)) check.fail(qField, 'must be an object');
		const q = raw as IDataObject;
		check.oneOf(`${qField}.type`, q.type, QUESTION_TYPES);
		if (typeof q.key !== 'string' || q.key.trim() === '') check.fail(`${qField}.key`, 'is required');
		const key = q.key as string;
		if (byKey.has(key)) check.fail(`${qField}.key`, `"${key}" is used by another question of this questionnaire; question keys must be unique`);
		byKey.set(key, q);
		checkLocalized(check, `${qField}.title`, q.title, true);
		for (const flag of ['mandatory', 'readOnly']) {
			if (q[flag] !== undefined && typeof q[flag] !== 'boolean') check.fail(`${qField}.${flag}`, 'must be true or false');
		}
		const choice = q.type === 'options' || q.type === 'multiple-choice';
		if (!choice && q.options !== undefined) {
			check.fail(`${qField}.options`, `are only allowed on "options" and "multiple-choice" questions, not on "${String(q.type)}"`);
		}
		if (choice) {
			if (!Array.isArray(q.options) || q.options.length === 0) check.fail(`${qField}.options`, `must list at least one option for a "${String(q.type)}" question`);
			(q.options as unknown[]).forEach((rawOption, j) => {
				const oField = `${qField}.options[${j}]`;
				if (!isObject(rawOption)) check.fail(oField, 'must be an object');
				const o = rawOption as IDataObject;
				if (typeof o.key !== 'string' || o.key.trim() === '') check.fail(`${oField}.key`, 'is required');
				if (optionKeys.has(o.key as string)) {
					check.fail(`${oField}.key`, `"${String(o.key)}" is used by another option of this questionnaire; option keys must be unique`);
				}
				optionKeys.add(o.key as string);
				checkLocalized(check, `${oField}.title`, o.title, true);
			});
		}
	});
	// Preset answers and show conditions, once every key of the questionnaire is known.
	questions.forEach((raw, i) => {
		const q = raw as IDataObject;
		const qField = `${field}.questions[${i}]`;
		const own = new Set(((q.options as IDataObject[] | undefined) ?? []).map((o) => o.key as string));
		if (q.answer !== undefined) {
			if (q.type === 'string' && typeof q.answer !== 'string') check.fail(`${qField}.answer`, 'must be text for a "string" question');
			if (q.type === 'options' && (typeof q.answer !== 'string' || !own.has(q.answer))) {
				check.fail(`${qField}.answer`, `must be the key of one of this question's options (${[...own].join(', ')})`);
			}
			if (q.type === 'multiple-choice') {
				if (!Array.isArray(q.answer) || (q.answer as unknown[]).some((a) => typeof a !== 'string' || !own.has(a))) {
					check.fail(`${qField}.answer`, `must be a list of keys of this question's options (${[...own].join(', ')})`);
				}
			}
		}
		if (q.showConditions !== undefined) {
			const condition = q.showConditions;
			if (!isObject(condition)) check.fail(`${qField}.showConditions`, 'must be an object {questionKey, answer}');
			const target = (condition as IDataObject).questionKey;
			if (typeof target !== 'string' || !byKey.has(target)) {
				check.fail(`${qField}.showConditions.questionKey`, `must be the key of another question of this questionnaire, got "${String(target)}"`);
			}
			if (target === q.key) check.fail(`${qField}.showConditions.questionKey`, 'cannot point at the question itself');
			const targetQuestion = byKey.get(target as string) as IDataObject;
			const answer = (condition as IDataObject).answer;
			if (targetQuestion.type === 'string') {
				if (typeof answer !== 'string') check.fail(`${qField}.showConditions.answer`, 'must be text');
			} else {
				const keys = ((targetQuestion.options as IDataObject[]) ?? []).map((o) => o.key as string);
				if (typeof answer !== 'string' || !keys.includes(answer)) {
					check.fail(`${qField}.showConditions.answer`, `must be the key of an option of question "${String(target)}" (${keys.join(', ')})`);
				}
			}
		}
	});
}

/**
 * Checks a session configuration before anything is sent: known flag types, step types and
 * step flags, unique step keys, unique question and option keys per questionnaire, show
 * conditions that point at existing questions and options only on option questions.
 */
export function validateConfiguration(
	check: InputValidator,
	config: IDataObject,
	options: { allowUnknownStepTypes?: boolean } = {},
): void {
	for (const key of Object.keys(config)) {
		if (!['flags', 'steps', 'config_id', 'parent_session_id'].includes(key)) {
			check.fail(key, key === 'company_key' ? 'must not be given here: it comes from the credential' : 'is not a begin/ parameter', 'Use flags, steps, config_id and parent_session_id.');
		}
	}
	if (config.flags !== undefined) {
		if (!isObject(config.flags)) check.fail('flags', 'must be an object');
		const flags = config.flags as IDataObject;
		for (const name of GENERAL_BOOLEAN_FLAGS) {
			if (flags[name] !== undefined && typeof flags[name] !== 'boolean') check.fail(`flags.${name}`, 'must be true or false');
		}
		for (const name of GENERAL_URL_FLAGS) {
			if (flags[name] !== undefined && flags[name] !== null) check.url(`flags.${name}`, flags[name]);
		}
		if (flags.language !== undefined) check.oneOf('flags.language', flags.language, LANGUAGE_CODES);
	}
	for (const name of ['config_id', 'parent_session_id']) {
		if (config[name] !== undefined && (typeof config[name] !== 'string' || (config[name] as string).trim() === '')) {
			check.fail(name, 'must be a non-empty text');
		}
	}
	if (config.steps === undefined) return;
	if (!Array.isArray(config.steps)) check.fail('steps', 'must be a list of steps');
	const keys = new Set<string>();
	(config.steps as unknown[]).forEach((raw, i) => {
		const field = `steps[${i}]`;
		if (!isObject(raw)) check.fail(field, 'must be an object');
		const step = raw as IDataObject;
		const type = step.type;
		if (typeof type !== 'string' || type === '') check.fail(`${field}.type`, 'is required');
		const known = Object.prototype.hasOwnProperty.call(STEP_TYPES, type as string);
		if (!known && !options.allowUnknownStepTypes) {
			check.fail(`${field}.type`, `"${String(type)}" is not a step type of the developer guide`, `Use one of ${Object.keys(STEP_TYPES).join(', ')}, or turn on Allow Unknown Step Types.`);
		}
		const key = step.key ?? STEP_TYPES[type as string]?.defaultKey;
		if (typeof key !== 'string' || key.trim() === '') {
			check.fail(`${field}.key`, `is required for a "${String(type)}" step`, 'Questionnaire keys are chosen by you and must be unique within the session.');
		}
		if (keys.has(key as string)) {
			check.fail(`${field}.key`, `"${String(key)}" is used by another step; step keys must be unique within the session`);
		}
		keys.add(key as string);
		if (QUESTIONNAIRE_TYPES.includes(type as string)) {
			checkQuestionnaire(check, field, step);
			return;
		}
		if (step.title !== undefined) checkLocalized(check, `${field}.title`, step.title, false);
		if (step.flags !== undefined && !isObject(step.flags)) check.fail(`${field}.flags`, 'must be an object');
		const flags = (step.flags ?? {}) as IDataObject;
		for (const name of STEP_BOOLEAN_FLAGS[type as string] ?? []) {
			for (const [where, holder] of [['flags.', flags], ['', step]] as Array<[string, IDataObject]>) {
				if (holder[name] !== undefined && typeof holder[name] !== 'boolean') check.fail(`${field}.${where}${name}`, 'must be true or false');
			}
		}
		for (const name of STEP_ARRAY_FLAGS[type as string] ?? []) {
			const value = flags[name];
			if (value === undefined) continue;
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) check.fail(`${field}.flags.${name}`, 'must be a list of texts');
			if (name === 'document_countries') {
				for (const code of value as string[]) {
					if (!/^[A-Z]{3}$/.test(code)) check.fail(`${field}.flags.document_countries`, `must hold 3-letter issuer codes such as USA, DEU, ITA; got "${code}"`);
				}
			}
		}
	});
}
