import type { INodeProperties } from 'n8n-workflow';

import { questionFields, showFor, translations } from './description.questions';
import { DOCUMENT_TYPES, GENERAL_DOCUMENT_TYPES, STEP_TYPES } from './values';

const booleanFlag = (
	displayName: string,
	name: string,
	description: string,
	type: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
	displayOptions: showFor(type),
});

/** The fields of one step of the Steps builder. */
export const stepValues: INodeProperties[] = [
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
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Text shown for the step',
	},
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
		description:
			'Text of the button that submits the questionnaire (Identomat shows "Confirm" when empty)',
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
		options: [{ name: 'question', displayName: 'Question', values: questionFields }],
	},
	booleanFlag(
		'Disable Document Capture',
		'disable_document_capture',
		'Whether the person must upload the document instead of scanning it',
		'identity-document',
	),
	booleanFlag(
		'Allow Document Upload',
		'allow_document_upload',
		'Whether the person may choose between scanning and uploading',
		'identity-document',
	),
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
	booleanFlag(
		'Active Liveness',
		'liveness',
		'Whether the person performs actions (active liveness) instead of holding still for two seconds (passive liveness)',
		'liveness',
	),
	booleanFlag(
		'Allow Face Upload',
		'allow_face_upload',
		'Whether the person may upload a selfie (no effect with active liveness)',
		'liveness',
	),
	{
		displayName: 'General Document Types',
		name: 'general_document_types',
		type: 'multiOptions',
		options: GENERAL_DOCUMENT_TYPES,
		default: [],
		description: 'Allowed general documents (proof of address and others); none selected means all',
		displayOptions: showFor('general-document'),
	},
	booleanFlag(
		'Allow Face Document Upload',
		'allow_face_doc_upload',
		'Whether the person may upload a picture of themselves holding the document',
		'face-document',
	),
	booleanFlag(
		'Require Face Document',
		'require_face_document',
		'Whether the person captures themselves holding the document',
		'face-document',
	),
	booleanFlag(
		'Reset Steps',
		'resetSteps',
		'Whether verification data is cleared when the person leaves and rejoins the call',
		'video-call',
	),
	booleanFlag(
		'Hide Camera Option',
		'hideCameraOption',
		'Whether to hide the camera icon so the person cannot turn the camera off',
		'video-call',
	),
	booleanFlag(
		'Name Required',
		'nameRequired',
		'Whether participants must give a name to join',
		'video-call',
	),
	booleanFlag(
		'Require Phone Number Check',
		'require_phone_number_check',
		'Whether the person must confirm the number with a one-time code',
		'phone-number',
	),
	booleanFlag(
		'Require Phone Number',
		'require_phone_number',
		'Whether the person must enter a number (without confirmation)',
		'phone-number',
	),
	booleanFlag(
		'Require Email Check',
		'require_email_check',
		'Whether the person must confirm the email with a one-time code',
		'email',
	),
	booleanFlag(
		'Require Email',
		'require_email',
		'Whether the person must enter an email (without confirmation)',
		'email',
	),
	{
		displayName: 'Additional Step Flags (JSON)',
		name: 'additionalStepFlags',
		type: 'string',
		default: '',
		placeholder: 'e.g. {"allow_nfc_capture": true}',
		description:
			'Optional JSON object merged into the step flags, for flags this form does not list',
		displayOptions: {
			show: {
				type: [
					'identity-document',
					'liveness',
					'general-document',
					'face-document',
					'video-call',
					'phone-number',
					'email',
				],
			},
		},
	},
];
