import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { DOCUMENT_TYPES, GENERAL_DOCUMENT_TYPES, LANGUAGES, STEP_TYPES, TOKEN_VALIDITY_MINUTES } from '../../constants';
import { identomatBaseUrl, identomatRequest, widgetUrl } from '../../transport';
import type { SessionConfiguration } from './configuration';
import { configurationFromBuilder, validateConfiguration } from './configuration';

const showFor = (...types: string[]) => ({ show: { type: types } });

const translations = (what: string, types?: string[]): INodeProperties => ({
	displayName: `${what} Translations`,
	name: `${what.toLowerCase()}Translations`,
	type: 'string',
	default: '',
	placeholder: 'e.g. {"en": "Address", "ka": "მისამართი"}',
	description: `Optional JSON object of language code → text. When given, the ${what.toLowerCase()} is sent per language (the plain ${what} is used for "en" if "en" is missing).`,
	...(types ? { displayOptions: showFor(...types) } : {}),
});

const question: INodeProperties[] = [
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
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The question as shown' },
	translations('Title'),
	{ displayName: 'Mandatory', name: 'mandatory', type: 'boolean', default: false, description: 'Whether an answer is required' },
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
		description: 'Optional key of another question of this questionnaire; this question is shown only when that one has the answer below',
	},
	{
		displayName: 'Show Only When Answer Is',
		name: 'showConditionAnswer',
		type: 'string',
		default: '',
		description: 'The option key (or, for a String question, the text) that the question above must have',
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

const booleanFlag = (displayName: string, name: string, description: string, type: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
	displayOptions: showFor(type),
});

const stepValues: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: Object.entries(STEP_TYPES)
			.map(([value, { name }]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'identity-document',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		placeholder: 'e.g. kyc_questions',
		description:
			"Unique within the session. Leave empty to use the step type's default key (identity-document, liveness, select_general_document, capture_face_document, video-call, phone_number, require_email); questionnaires need one.",
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Text shown for the step' },
	translations('Title'),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Shown under the title',
		displayOptions: showFor('user-questionnaire', 'operator-questionnaire'),
	},
	translations('Description', ['user-questionnaire', 'operator-questionnaire']),
	{
		displayName: 'Button Title',
		name: 'successButtonTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Confirm',
		description: 'Text of the button that submits the questionnaire (Identomat shows "Confirm" when empty)',
		displayOptions: showFor('user-questionnaire'),
	},
	{
		displayName: 'Questions',
		name: 'questions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Question',
		displayOptions: showFor('user-questionnaire', 'operator-questionnaire'),
		options: [{ name: 'question', displayName: 'Question', values: question }],
	},
	booleanFlag('Disable Document Capture', 'disable_document_capture', 'Whether the person must upload the document instead of scanning it', 'identity-document'),
	booleanFlag('Allow Document Upload', 'allow_document_upload', 'Whether the person may choose between scanning and uploading', 'identity-document'),
	{
		displayName: 'Document Types',
		name: 'document_types',
		type: 'multiOptions',
		options: DOCUMENT_TYPES,
		default: [],
		description: 'Allowed document types; none selected means all',
		displayOptions: showFor('identity-document'),
	},
	{
		displayName: 'Document Countries',
		name: 'document_countries',
		type: 'string',
		default: '',
		placeholder: 'e.g. USA, DEU, ITA',
		description: 'Comma-separated 3-letter issuer country codes; empty means no restriction',
		displayOptions: showFor('identity-document'),
	},
	booleanFlag('Active Liveness', 'liveness', 'Whether the person performs actions (active liveness) instead of holding still for two seconds (passive liveness)', 'liveness'),
	booleanFlag('Allow Face Upload', 'allow_face_upload', 'Whether the person may upload a selfie (no effect with active liveness)', 'liveness'),
	{
		displayName: 'General Document Types',
		name: 'general_document_types',
		type: 'multiOptions',
		options: GENERAL_DOCUMENT_TYPES,
		default: [],
		description: 'Allowed general documents (proof of address and others); none selected means all',
		displayOptions: showFor('general-document'),
	},
	booleanFlag('Allow Face Document Upload', 'allow_face_doc_upload', 'Whether the person may upload a picture of themselves holding the document', 'face-document'),
	booleanFlag('Require Face Document', 'require_face_document', 'Whether the person captures themselves holding the document', 'face-document'),
	booleanFlag('Reset Steps', 'resetSteps', 'Whether verification data is cleared when the person leaves and rejoins the call', 'video-call'),
	booleanFlag('Hide Camera Option', 'hideCameraOption', 'Whether to hide the camera icon so the person cannot turn the camera off', 'video-call'),
	booleanFlag('Name Required', 'nameRequired', 'Whether participants must give a name to join', 'video-call'),
	booleanFlag('Require Phone Number Check', 'require_phone_number_check', 'Whether the person must confirm the number with a one-time code', 'phone-number'),
	booleanFlag('Require Phone Number', 'require_phone_number', 'Whether the person must enter a number (without confirmation)', 'phone-number'),
	booleanFlag('Require Email Check', 'require_email_check', 'Whether the person must confirm the email with a one-time code', 'email'),
	booleanFlag('Require Email', 'require_email', 'Whether the person must enter an email (without confirmation)', 'email'),
	{
		displayName: 'Additional Step Flags (JSON)',
		name: 'additionalStepFlags',
		type: 'string',
		default: '',
		placeholder: 'e.g. {"allow_nfc_capture": true}',
		description: 'Optional JSON object merged into the step flags, for flags this form does not list',
		displayOptions: {
			show: { type: ['identity-document', 'liveness', 'general-document', 'face-document', 'video-call', 'phone-number', 'email'] },
		},
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Configuration',
		name: 'configurationMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Build in Node', value: 'builder', description: 'Set flags and steps with the form below' },
			{ name: 'JSON', value: 'json', description: 'Paste a begin/ configuration (flags, steps, config_id, parent_session_id)' },
		],
		default: 'builder',
	},
	{
		displayName: 'Configuration JSON',
		name: 'configurationJson',
		type: 'json',
		default: '{\n  "flags": { "language": "en" },\n  "steps": []\n}',
		description:
			'The begin/ parameters without company_key, e.g. {"flags": {...}, "steps": [...], "config_id": "..."}. It is checked like the form before anything is sent.',
		displayOptions: { show: { configurationMode: ['json'] } },
	},
	{
		displayName: 'Flags',
		name: 'flags',
		type: 'collection',
		placeholder: 'Add Flag',
		default: {},
		displayOptions: { show: { configurationMode: ['builder'] } },
		options: [
			{
				displayName: 'Additional Flags (JSON)',
				name: 'additionalFlags',
				type: 'string',
				default: '',
				placeholder: 'e.g. {"skip_agreement": true}',
				description: 'JSON object of other flags (e.g. legacy ones such as skip_agreement or document_types), merged in',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [...LANGUAGES],
				default: 'en',
				description: 'Language of the widget',
			},
			{
				displayName: 'Multiple Participants',
				name: 'multiple_participants',
				type: 'boolean',
				default: false,
				description: 'Whether video-call sessions may have several participants (listed in the developer guide only)',
			},
			{
				displayName: 'Optional Continue on Another Device',
				name: 'optional_continue_on_another_device',
				type: 'boolean',
				default: false,
				description: 'Whether the person is offered to continue on another device (listed in the developer guide only)',
			},
			{
				displayName: 'Require HD Media',
				name: 'requireHdMedia',
				type: 'boolean',
				default: false,
				description: 'Whether a 1080p or better camera is required for liveness and identity documents (otherwise a QR code offers another device)',
			},
			{
				displayName: 'Restrict URL Sharing',
				name: 'restrict_url_sharing',
				type: 'boolean',
				default: false,
				description: 'Whether the session link cannot be continued in another browser or device',
			},
			{
				displayName: 'Return URL',
				name: 'return_url',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/…/return',
				description:
					"Where the person's browser goes when finished. Without it, Identomat assumes the widget is embedded in an iframe. {{ $execution.resumeUrl }} works here: a Wait node (Resume: On Webhook Call) later in this workflow then resumes when the person comes back, and Get Result reads the outcome; this relies on nothing undocumented. The Identomat Trigger's Browser Return URL works only if Identomat appends the session token, which it does not document.",
			},
			{
				displayName: 'Skip Desktop',
				name: 'skip_desktop',
				type: 'boolean',
				default: false,
				description: 'Whether to limit the session to mobile devices (a desktop shows a QR code)',
			},
			{
				displayName: 'Skip Document',
				name: 'skip_document',
				type: 'boolean',
				default: false,
				description: 'Whether to skip the default identity-document step (set it when the steps contain one)',
			},
			{
				displayName: 'Skip Face',
				name: 'skip_face',
				type: 'boolean',
				default: false,
				description: 'Whether to skip the default liveness step (set it when the steps contain one)',
			},
			{
				displayName: 'Switch Device URL',
				name: 'switch_device_url',
				type: 'string',
				default: '',
				description: 'URL shown in the QR code when the camera is unavailable; none when empty',
			},
		],
	},
	{
		displayName: 'Steps',
		name: 'steps',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Step',
		description: 'The steps of the verification, in order',
		displayOptions: { show: { configurationMode: ['builder'] } },
		options: [{ name: 'step', displayName: 'Step', values: stepValues }],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Unknown Step Types',
				name: 'allowUnknownStepTypes',
				type: 'boolean',
				default: false,
				description: 'Whether a pasted configuration may use step types the developer guide does not list',
				displayOptions: { show: { '/configurationMode': ['json'] } },
			},
			{
				displayName: 'Configuration ID',
				name: 'configId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 62412c096c4b39ba845d4bf2',
				description: 'A configuration saved in the Identomat dashboard. Steps given here then override the steps with the same key.',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Parent Session ID',
				name: 'parentSessionId',
				type: 'string',
				default: '',
				description: 'Session token of a parent session, to create a child session (several participants)',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Set Skip Flags With Steps',
				name: 'skipDefaultSteps',
				type: 'boolean',
				default: true,
				description:
					'Whether to send skip_face and skip_document as true when steps are given without a configuration ID and those flags are not set, as the developer guide asks (so the default steps are not duplicated)',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Video Call Settings Placement',
				name: 'videoCallSettingsPlacement',
				type: 'options',
				options: [
					{ name: 'On the Step', value: 'step', description: 'Next to type and key, as the developer guide lists them' },
					{ name: 'In Step Flags', value: 'flags', description: 'Inside the step\'s flags object' },
				],
				default: 'step',
				description: 'Where Reset Steps, Hide Camera Option and Name Required go; Identomat does not document it',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['begin'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const mode = this.getNodeParameter('configurationMode', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	let config: SessionConfiguration;
	if (mode === 'json') {
		const parsed = check.json<unknown>('Configuration JSON', this.getNodeParameter('configurationJson', itemIndex));
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			check.fail('Configuration JSON', 'must be a JSON object such as {"flags": {...}, "steps": [...]}');
		}
		config = parsed as SessionConfiguration;
	} else {
		config = configurationFromBuilder(this, itemIndex, check, options);
	}
	validateConfiguration(check, config, { allowUnknownStepTypes: options.allowUnknownStepTypes === true });

	const sentAt = Date.now();
	const { body } = await identomatRequest(this, 'begin/', config, { itemIndex });
	if (typeof body !== 'string' || body.trim() === '') {
		check.fail('session_token', `was not returned by Identomat; it answered ${JSON.stringify(body)}`);
	}
	const token = (body as string).trim();
	return {
		session_token: token,
		widget_url: widgetUrl(await identomatBaseUrl(this), token),
		expires_at: new Date(sentAt + TOKEN_VALIDITY_MINUTES * 60_000).toISOString(),
		configuration: config,
	};
}
