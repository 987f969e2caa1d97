import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InputValidator } from '../../../../shared/validation';
import { QUESTIONNAIRE_TYPES, STEP_BOOLEAN_FLAGS, STEP_TYPES } from './values';

/** What begin/ receives besides company_key. */
export interface SessionConfiguration extends IDataObject {
	flags?: IDataObject;
	steps?: IDataObject[];
	config_id?: string;
	parent_session_id?: string;
}

export const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** A title or description: plain text, or an object per language when translations are given. */
function localized(
	check: InputValidator,
	field: string,
	plain: unknown,
	translations: unknown,
): string | IDataObject | undefined {
	const text = typeof plain === 'string' ? plain : '';
	const raw = typeof translations === 'string' ? translations.trim() : translations;
	if (
		raw === '' ||
		raw === undefined ||
		raw === null ||
		(isObject(raw) && Object.keys(raw).length === 0)
	) {
		return text === '' ? undefined : text;
	}
	const parsed = check.json<unknown>(`${field} Translations`, raw);
	if (!isObject(parsed))
		check.fail(
			`${field} Translations`,
			'must be a JSON object of language code → text',
			'e.g. {"en": "Address", "ka": "მისამართი"}',
		);
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
	const question: IDataObject = {
		type,
		key: q.key,
		title: localized(check, `${field} Title`, q.title, q.titleTranslations),
	};
	if (q.mandatory === true) question.mandatory = true;
	if (q.readOnly === true) question.readOnly = true;
	const options =
		((q.answerOptions as IDataObject | undefined)?.option as IDataObject[] | undefined) ?? [];
	if (options.length) {
		question.options = options.map((o, i) => ({
			key: o.key,
			title: localized(check, `${field} Option ${i + 1} Title`, o.title, o.titleTranslations),
		}));
	}
	const answer = typeof q.answer === 'string' ? q.answer.trim() : '';
	if (answer !== '') question.answer = type === 'multiple-choice' ? list(answer) : answer;
	const conditionKey =
		typeof q.showConditionQuestionKey === 'string' ? q.showConditionQuestionKey.trim() : '';
	if (conditionKey !== '')
		question.showConditions = { questionKey: conditionKey, answer: q.showConditionAnswer ?? '' };
	return question;
}

/** Turns the step builder's values into the `steps` array Identomat expects. */
function buildStep(
	check: InputValidator,
	index: number,
	s: IDataObject,
	videoCallPlacement: string,
): IDataObject {
	const type = String(s.type);
	const field = `Step ${index + 1}`;
	const step: IDataObject = { type };
	const key = typeof s.key === 'string' ? s.key.trim() : '';
	step.key = key !== '' ? key : STEP_TYPES[type]?.defaultKey;
	const title = localized(check, `${field} Title`, s.title, s.titleTranslations);
	if (title !== undefined) step.title = title;
	if (QUESTIONNAIRE_TYPES.includes(type)) {
		const description = localized(
			check,
			`${field} Description`,
			s.description,
			s.descriptionTranslations,
		);
		if (description !== undefined) step.description = description;
		if (
			type === 'user-questionnaire' &&
			typeof s.successButtonTitle === 'string' &&
			s.successButtonTitle !== ''
		) {
			step.successButtonTitle = s.successButtonTitle;
		}
		const questions =
			((s.questions as IDataObject | undefined)?.question as IDataObject[] | undefined) ?? [];
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
	const rawSteps =
		((ctx.getNodeParameter('steps', itemIndex, {}) as IDataObject).step as
			IDataObject[] | undefined) ?? [];
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
