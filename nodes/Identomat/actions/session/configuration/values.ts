/**
 * Documented values of a session's configuration (../shared/providers/identomat.md §6–§8 and the
 * developer guide). Kept in one place so the description, the builder and the validator agree.
 */

/** `flags.language`: "en" plus every value the KYC page lists. */
export const LANGUAGES: ReadonlyArray<{ name: string; value: string }> = [
	{ name: 'Arabic', value: 'ar' },
	{ name: 'Azerbaijani', value: 'az' },
	{ name: 'Bengali', value: 'bn' },
	{ name: 'English', value: 'en' },
	{ name: 'French', value: 'fr' },
	{ name: 'Georgian', value: 'ka' },
	{ name: 'German', value: 'de' },
	{ name: 'Greek', value: 'gr' },
	{ name: 'Hindi', value: 'hi' },
	{ name: 'Italian', value: 'it' },
	{ name: 'Japanese', value: 'ja' },
	{ name: 'Kazakh', value: 'kk' },
	{ name: 'Polish', value: 'pl' },
	{ name: 'Portuguese', value: 'pt' },
	{ name: 'Romanian', value: 'ro' },
	{ name: 'Russian', value: 'ru' },
	{ name: 'Spanish', value: 'es' },
	{ name: 'Swedish', value: 'sv' },
	{ name: 'Turkish', value: 'tr' },
	{ name: 'Ukrainian', value: 'uk' },
	{ name: 'Uzbek', value: 'uz' },
];

export const LANGUAGE_CODES = LANGUAGES.map((l) => l.value);

/** Step types of the developer guide, with the default key the guide gives each (none for questionnaires). */
export const STEP_TYPES: Record<string, { name: string; defaultKey?: string }> = {
	email: { name: 'Email', defaultKey: 'require_email' },
	'face-document': { name: 'Face Document', defaultKey: 'capture_face_document' },
	'general-document': { name: 'General Document', defaultKey: 'select_general_document' },
	'identity-document': { name: 'Identity Document', defaultKey: 'identity-document' },
	liveness: { name: 'Liveness', defaultKey: 'liveness' },
	'operator-questionnaire': { name: 'Operator Questionnaire' },
	'phone-number': { name: 'Phone Number', defaultKey: 'phone_number' },
	'user-questionnaire': { name: 'User Questionnaire' },
	'video-call': { name: 'Video Call', defaultKey: 'video-call' },
};

export const QUESTIONNAIRE_TYPES = ['user-questionnaire', 'operator-questionnaire'];

/** Boolean flags of each step type (developer guide); all default to false. */
export const STEP_BOOLEAN_FLAGS: Record<string, string[]> = {
	email: ['require_email_check', 'require_email'],
	'face-document': ['allow_face_doc_upload', 'require_face_document'],
	'general-document': [],
	'identity-document': ['disable_document_capture', 'allow_document_upload'],
	liveness: ['liveness', 'allow_face_upload'],
	'phone-number': ['require_phone_number_check', 'require_phone_number'],
	'video-call': ['resetSteps', 'hideCameraOption', 'nameRequired'],
};

/** Array flags of each step type. */
export const STEP_ARRAY_FLAGS: Record<string, string[]> = {
	'general-document': ['general_document_types'],
	'identity-document': ['document_types', 'document_countries'],
};

export const QUESTION_TYPES = ['string', 'multiple-choice', 'options'];

/** General flags of the developer guide and the KYC page, by type. */
export const GENERAL_BOOLEAN_FLAGS = [
	'skip_face',
	'skip_document',
	'skip_desktop',
	'restrict_url_sharing',
	'optional_continue_on_another_device',
	'multiple_participants',
	'requireHdMedia',
];
export const GENERAL_URL_FLAGS = ['return_url', 'switch_device_url'];

/** Documented `document_types` values. */
export const DOCUMENT_TYPES = [
	{ name: 'Driver License', value: 'driver_license' },
	{ name: 'ID Card', value: 'id' },
	{ name: 'Passport', value: 'passport' },
	{ name: 'Residence License', value: 'residence_license' },
];

/** Documented `general_document_types` values. */
export const GENERAL_DOCUMENT_TYPES = [
	{ name: 'Bank Statement', value: 'bank_statement' },
	{ name: 'Utility Bill', value: 'utility_bill' },
];
