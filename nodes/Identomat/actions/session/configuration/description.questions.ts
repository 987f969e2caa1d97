import type { INodeProperties } from 'n8n-workflow';

export const showFor = (...types: string[]) => ({ show: { type: types } });

/** Optional JSON object of language code → text for a field (`${what} Translations`). */
export const translations = (what: string, types?: string[]): INodeProperties => ({
	displayName: `${what} Translations`,
	name: `${what.toLowerCase()}Translations`,
	type: 'string',
	default: '',
	placeholder: 'e.g. {"en": "Address", "ka": "მისამართი"}',
	description: `Optional JSON object of language code → text. When given, the ${what.toLowerCase()} is sent per language (the plain ${what} is used for "en" if "en" is missing).`,
	...(types ? { displayOptions: showFor(...types) } : {}),
});

/** The fields of one question of a questionnaire step. */
export const questionFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Multiple Choice (Checkboxes)', value: 'multiple-choice' },
			{ name: 'Options (Radio Buttons)', value: 'options' },
			{ name: 'String (Text Input)', value: 'string' },
		],
		default: 'string',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		placeholder: 'e.g. occupation',
		description: 'Chosen by you; unique within the questionnaire',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'The question as shown',
	},
	translations('Title'),
	{
		displayName: 'Mandatory',
		name: 'mandatory',
		type: 'boolean',
		default: false,
		description: 'Whether an answer is required',
	},
	{
		displayName: 'Read Only',
		name: 'readOnly',
		type: 'boolean',
		default: false,
		description: 'Whether the question is shown but cannot be changed',
	},
	{
		displayName: 'Preset Answer',
		name: 'answer',
		type: 'string',
		default: '',
		description:
			'Optional answer filled in beforehand (it can still be changed): the text for a String question, an option key for Options, comma-separated option keys for Multiple Choice',
	},
	{
		displayName: 'Show Only When Question (Key)',
		name: 'showConditionQuestionKey',
		type: 'string',
		default: '',
		description:
			'Optional key of another question of this questionnaire; this question is shown only when that one has the answer below',
	},
	{
		displayName: 'Show Only When Answer Is',
		name: 'showConditionAnswer',
		type: 'string',
		default: '',
		description:
			'The option key (or, for a String question, the text) that the question above must have',
	},
	{
		displayName: 'Answer Options',
		name: 'answerOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Option',
		displayOptions: { show: { type: ['options', 'multiple-choice'] } },
		options: [
			{
				name: 'option',
				displayName: 'Option',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						description: 'Chosen by you; unique within the questionnaire',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					translations('Title'),
				],
			},
		],
	},
];
