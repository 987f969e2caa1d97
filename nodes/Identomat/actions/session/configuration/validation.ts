import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../../../shared/validation';
import {
	GENERAL_BOOLEAN_FLAGS,
	GENERAL_URL_FLAGS,
	LANGUAGE_CODES,
	QUESTIONNAIRE_TYPES,
	QUESTION_TYPES,
	STEP_ARRAY_FLAGS,
	STEP_BOOLEAN_FLAGS,
	STEP_TYPES,
} from './values';
import { isObject } from './builder';

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
			check.fail(
				field,
				`has an unknown language code "${language}"`,
				`Use one of ${LANGUAGE_CODES.join(', ')}.`,
			);
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
		if (typeof q.key !== 'string' || q.key.trim() === '')
			check.fail(`${qField}.key`, 'is required');
		const key = q.key as string;
		if (byKey.has(key))
			check.fail(
				`${qField}.key`,
				`"${key}" is used by another question of this questionnaire; question keys must be unique`,
			);
		byKey.set(key, q);
		checkLocalized(check, `${qField}.title`, q.title, true);
		for (const flag of ['mandatory', 'readOnly']) {
			if (q[flag] !== undefined && typeof q[flag] !== 'boolean')
				check.fail(`${qField}.${flag}`, 'must be true or false');
		}
		const choice = q.type === 'options' || q.type === 'multiple-choice';
		if (!choice && q.options !== undefined) {
			check.fail(
				`${qField}.options`,
				`are only allowed on "options" and "multiple-choice" questions, not on "${String(q.type)}"`,
			);
		}
		if (choice) {
			if (!Array.isArray(q.options) || q.options.length === 0)
				check.fail(
					`${qField}.options`,
					`must list at least one option for a "${String(q.type)}" question`,
				);
			(q.options as unknown[]).forEach((rawOption, j) => {
				const oField = `${qField}.options[${j}]`;
				if (!isObject(rawOption)) check.fail(oField, 'must be an object');
				const o = rawOption as IDataObject;
				if (typeof o.key !== 'string' || o.key.trim() === '')
					check.fail(`${oField}.key`, 'is required');
				if (optionKeys.has(o.key as string)) {
					check.fail(
						`${oField}.key`,
						`"${String(o.key)}" is used by another option of this questionnaire; option keys must be unique`,
					);
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
		const own = new Set(
			((q.options as IDataObject[] | undefined) ?? []).map((o) => o.key as string),
		);
		if (q.answer !== undefined) {
			if (q.type === 'string' && typeof q.answer !== 'string')
				check.fail(`${qField}.answer`, 'must be text for a "string" question');
			if (q.type === 'options' && (typeof q.answer !== 'string' || !own.has(q.answer))) {
				check.fail(
					`${qField}.answer`,
					`must be the key of one of this question's options (${[...own].join(', ')})`,
				);
			}
			if (q.type === 'multiple-choice') {
				if (
					!Array.isArray(q.answer) ||
					(q.answer as unknown[]).some((a) => typeof a !== 'string' || !own.has(a))
				) {
					check.fail(
						`${qField}.answer`,
						`must be a list of keys of this question's options (${[...own].join(', ')})`,
					);
				}
			}
		}
		if (q.showConditions !== undefined) {
			const condition = q.showConditions;
			if (!isObject(condition))
				check.fail(`${qField}.showConditions`, 'must be an object {questionKey, answer}');
			const target = (condition as IDataObject).questionKey;
			if (typeof target !== 'string' || !byKey.has(target)) {
				check.fail(
					`${qField}.showConditions.questionKey`,
					`must be the key of another question of this questionnaire, got "${String(target)}"`,
				);
			}
			if (target === q.key)
				check.fail(`${qField}.showConditions.questionKey`, 'cannot point at the question itself');
			const targetQuestion = byKey.get(target as string) as IDataObject;
			const answer = (condition as IDataObject).answer;
			if (targetQuestion.type === 'string') {
				if (typeof answer !== 'string')
					check.fail(`${qField}.showConditions.answer`, 'must be text');
			} else {
				const keys = ((targetQuestion.options as IDataObject[]) ?? []).map((o) => o.key as string);
				if (typeof answer !== 'string' || !keys.includes(answer)) {
					check.fail(
						`${qField}.showConditions.answer`,
						`must be the key of an option of question "${String(target)}" (${keys.join(', ')})`,
					);
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
			check.fail(
				key,
				key === 'company_key'
					? 'must not be given here: it comes from the credential'
					: 'is not a begin/ parameter',
				'Use flags, steps, config_id and parent_session_id.',
			);
		}
	}
	if (config.flags !== undefined) {
		if (!isObject(config.flags)) check.fail('flags', 'must be an object');
		const flags = config.flags as IDataObject;
		for (const name of GENERAL_BOOLEAN_FLAGS) {
			if (flags[name] !== undefined && typeof flags[name] !== 'boolean')
				check.fail(`flags.${name}`, 'must be true or false');
		}
		for (const name of GENERAL_URL_FLAGS) {
			if (flags[name] !== undefined && flags[name] !== null)
				check.url(`flags.${name}`, flags[name]);
		}
		if (flags.language !== undefined) check.oneOf('flags.language', flags.language, LANGUAGE_CODES);
	}
	for (const name of ['config_id', 'parent_session_id']) {
		if (
			config[name] !== undefined &&
			(typeof config[name] !== 'string' || (config[name] as string).trim() === '')
		) {
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
			check.fail(
				`${field}.type`,
				`"${String(type)}" is not a step type of the developer guide`,
				`Use one of ${Object.keys(STEP_TYPES).join(', ')}, or turn on Allow Unknown Step Types.`,
			);
		}
		const key = step.key ?? STEP_TYPES[type as string]?.defaultKey;
		if (typeof key !== 'string' || key.trim() === '') {
			check.fail(
				`${field}.key`,
				`is required for a "${String(type)}" step`,
				'Questionnaire keys are chosen by you and must be unique within the session.',
			);
		}
		if (keys.has(key as string)) {
			check.fail(
				`${field}.key`,
				`"${String(key)}" is used by another step; step keys must be unique within the session`,
			);
		}
		keys.add(key as string);
		if (QUESTIONNAIRE_TYPES.includes(type as string)) {
			checkQuestionnaire(check, field, step);
			return;
		}
		if (step.title !== undefined) checkLocalized(check, `${field}.title`, step.title, false);
		if (step.flags !== undefined && !isObject(step.flags))
			check.fail(`${field}.flags`, 'must be an object');
		const flags = (step.flags ?? {}) as IDataObject;
		for (const name of STEP_BOOLEAN_FLAGS[type as string] ?? []) {
			for (const [where, holder] of [
				['flags.', flags],
				['', step],
			] as Array<[string, IDataObject]>) {
				if (holder[name] !== undefined && typeof holder[name] !== 'boolean')
					check.fail(`${field}.${where}${name}`, 'must be true or false');
			}
		}
		for (const name of STEP_ARRAY_FLAGS[type as string] ?? []) {
			const value = flags[name];
			if (value === undefined) continue;
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
				check.fail(`${field}.flags.${name}`, 'must be a list of texts');
			if (name === 'document_countries') {
				for (const code of value as string[]) {
					if (!/^[A-Z]{3}$/.test(code))
						check.fail(
							`${field}.flags.document_countries`,
							`must hold 3-letter issuer codes such as USA, DEU, ITA; got "${code}"`,
						);
				}
			}
		}
	});
}
