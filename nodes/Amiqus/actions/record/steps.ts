import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';

/** Every step type Amiqus accepts in a record (StepTypes of the API). */
export const STEP_TYPES = [
	'check.banking_information',
	'check.credit',
	'check.criminal_record',
	'check.dummy',
	'check.employment_referencing',
	'check.hscni_access_ni',
	'check.identity',
	'check.nhs_esr',
	'check.photo_id',
	'check.reference',
	'check.thorntons_onboarding',
	'check.video',
	'check.watchlist',
	'document.request',
	'document.transfer',
	'form',
] as const;

export type StepType = (typeof STEP_TYPES)[number];

const STEP_TYPE_NAMES: Record<StepType, string> = {
	'check.banking_information': 'Banking Information (TrueLayer)',
	'check.credit': 'Credit Report',
	'check.criminal_record': 'Criminal Record',
	'check.dummy': 'Dummy (Testing)',
	'check.employment_referencing': 'Employment Referencing',
	'check.hscni_access_ni': 'HSCNI AccessNI',
	'check.identity': 'Identity Report',
	'check.nhs_esr': 'NHS ESR',
	'check.photo_id': 'Photo ID',
	'check.reference': 'Reference',
	'check.thorntons_onboarding': 'Thorntons Onboarding',
	'check.video': 'Video',
	'check.watchlist': 'Watchlist',
	'document.request': 'Document Request',
	'document.transfer': 'Document Transfer',
	form: 'Form',
};

const stepTypeOptions: INodePropertyOptions[] = STEP_TYPES.map((value) => ({ name: STEP_TYPE_NAMES[value], value })).sort(
	(a, b) => a.name.localeCompare(b.name),
);

const PHOTO_ID_DOCS = ['passport', 'driving_licence', 'national_id'] as const;
const ISSUING_COUNTRIES = ['GBR', 'IRL'] as const;
const CRIMINAL_REGIONS = ['england', 'scotland'] as const;
const CRIMINAL_TYPES = ['basic', 'standard', 'enhanced'] as const;
const DUMMY_STATES = ['pending', 'accepted', 'rejected', 'refer', 'failed', 'paused'] as const;
const HSCNI_TYPES = ['standard', 'enhanced', 'enhanced_barring'] as const;
const NHS_ESR_BODIES = ['GMC', 'NMC', 'HCP', 'GDC', 'GPC'] as const;
const EMPLOYMENT_TYPES = ['standard', 'automated_references', 'instant_verification'] as const;
const SUPPORTING_EVIDENCE = ['employment', 'self_employment', 'education', 'gap'] as const;
const SEARCH_PROFILES = ['sanctions', 'peps_sanctions', 'peps_sanctions_media', 'peps_sanctions_media_extended'] as const;
const MONTHS = [1, 3, 6, 12];

const show = (...types: StepType[]) => ({ show: { type: types } });

/** The fields of one entry of the steps builder: the type, then the preferences of that type. */
const stepFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: stepTypeOptions,
		default: 'check.photo_id',
		description: 'What the person is asked to do in this step',
	},
	// check.photo_id
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		options: [
			{ name: 'Biometric', value: 'biometric', description: 'Document and face, with liveness' },
			{ name: 'Standard', value: 'standard', description: 'Document only; choose the accepted documents' },
		],
		default: 'standard',
		displayOptions: show('check.photo_id'),
	},
	{
		displayName: 'Documents',
		name: 'docs',
		type: 'multiOptions',
		options: [
			{ name: 'Driving Licence', value: 'driving_licence' },
			{ name: 'National ID', value: 'national_id' },
			{ name: 'Passport', value: 'passport' },
		],
		default: ['passport', 'driving_licence'],
		description: 'Documents the person may use; at least one is required for a standard report',
		displayOptions: { show: { type: ['check.photo_id'], reportType: ['standard'] } },
	},
	{
		displayName: 'Facial Similarity',
		name: 'facialSimilarity',
		type: 'boolean',
		default: false,
		description: 'Whether to compare a selfie with the document photo (costs one more credit)',
		displayOptions: { show: { type: ['check.photo_id'], reportType: ['standard'] } },
	},
	{
		displayName: 'Live Document',
		name: 'liveDocument',
		type: 'boolean',
		default: false,
		description: 'Whether the document must be photographed live rather than uploaded',
		displayOptions: { show: { type: ['check.photo_id'], reportType: ['standard'] } },
	},
	{
		displayName: 'Allow Fallback',
		name: 'allowFallback',
		type: 'boolean',
		default: false,
		description: 'Whether the person may fall back to a standard check when the biometric one is not possible',
		displayOptions: { show: { type: ['check.photo_id'], reportType: ['biometric'] } },
	},
	{
		displayName: 'Issuing Countries',
		name: 'issuingCountries',
		type: 'multiOptions',
		options: [
			{ name: 'Ireland', value: 'IRL' },
			{ name: 'United Kingdom', value: 'GBR' },
		],
		default: [],
		description: 'Only accept documents issued by these countries; none means any country',
		displayOptions: show('check.photo_id'),
	},
	{
		displayName: 'Right to Work (UK)',
		name: 'rightToWork',
		type: 'boolean',
		default: false,
		description: 'Whether to check the right to work in the United Kingdom (a standard report must accept passports)',
		displayOptions: show('check.photo_id'),
	},
	{
		displayName: 'Right to Rent (UK)',
		name: 'rightToRent',
		type: 'boolean',
		default: false,
		description: 'Whether to check the right to rent in the United Kingdom (a standard report must accept passports)',
		displayOptions: show('check.photo_id'),
	},
	// check.criminal_record
	{
		displayName: 'Region',
		name: 'region',
		type: 'options',
		options: [
			{ name: 'England and Wales (DBS)', value: 'england' },
			{ name: 'Scotland (Disclosure Scotland)', value: 'scotland' },
		],
		default: 'england',
		displayOptions: show('check.criminal_record'),
	},
	{
		displayName: 'Disclosure Level',
		name: 'criminalType',
		type: 'options',
		options: [
			{ name: 'Basic', value: 'basic' },
			{ name: 'Enhanced', value: 'enhanced' },
			{ name: 'Standard', value: 'standard' },
		],
		default: 'basic',
		displayOptions: { show: { type: ['check.criminal_record'], region: ['england'] } },
	},
	{
		displayName: 'Enable Payment',
		name: 'enablePayment',
		type: 'boolean',
		default: false,
		description: 'Whether the person pays for the check',
		displayOptions: show('check.criminal_record'),
	},
	// check.watchlist
	{
		displayName: 'Silent',
		name: 'silent',
		type: 'boolean',
		default: true,
		description: 'Whether to run the search without involving the person',
		displayOptions: show('check.watchlist'),
	},
	{
		displayName: 'Monitor',
		name: 'monitor',
		type: 'options',
		options: [
			{ name: 'No Monitoring', value: 'off' },
			{ name: 'One Year', value: '1' },
			{ name: 'Three Years', value: '3' },
		],
		default: 'off',
		description: 'Keep watching for changes to the results (costs 1–2 more credits)',
		displayOptions: show('check.watchlist'),
	},
	{
		displayName: 'Search Profile',
		name: 'searchProfile',
		type: 'options',
		options: [
			{ name: 'PEPs and Sanctions', value: 'peps_sanctions' },
			{ name: 'PEPs, Sanctions and Adverse Media', value: 'peps_sanctions_media' },
			{ name: 'PEPs, Sanctions and Extended Adverse Media', value: 'peps_sanctions_media_extended' },
			{ name: 'Sanctions', value: 'sanctions' },
		],
		default: 'peps_sanctions_media',
		displayOptions: show('check.watchlist'),
	},
	{
		displayName: 'All Entity Types',
		name: 'allEntityTypes',
		type: 'boolean',
		default: false,
		description: 'Whether to search every entity type, not only people',
		displayOptions: show('check.watchlist'),
	},
	// check.dummy
	{
		displayName: 'State',
		name: 'dummyState',
		type: 'options',
		options: [
			{ name: 'Accepted', value: 'accepted' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Paused', value: 'paused' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Refer', value: 'refer' },
			{ name: 'Rejected', value: 'rejected' },
		],
		default: 'pending',
		description: 'The status the test check gets by itself, without a real check',
		displayOptions: show('check.dummy'),
	},
	{
		displayName: 'Replay',
		name: 'replay',
		type: 'boolean',
		default: false,
		description: 'Whether the check can be submitted again when it failed',
		displayOptions: show('check.dummy'),
	},
	{
		displayName: 'Cancel',
		name: 'cancel',
		type: 'boolean',
		default: false,
		description: 'Whether the check can be cancelled while paused',
		displayOptions: show('check.dummy'),
	},
	{
		displayName: 'Credit Cost',
		name: 'creditCost',
		type: 'number',
		typeOptions: { minValue: -1, maxValue: 100 },
		default: -1,
		description: 'Credits this test check costs, 0 to 100; -1 uses the default cost',
		displayOptions: show('check.dummy'),
	},
	{
		displayName: 'Payment Amount',
		name: 'paymentAmount',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10000 },
		default: 0,
		description: 'What the person pays, in cents (1437 is 14.37), up to 10000; 0 means no payment',
		displayOptions: show('check.dummy'),
	},
	// check.hscni_access_ni
	{
		displayName: 'Check Level',
		name: 'hscniType',
		type: 'options',
		options: [
			{ name: 'Enhanced', value: 'enhanced' },
			{ name: 'Enhanced With Barring', value: 'enhanced_barring' },
			{ name: 'Standard', value: 'standard' },
		],
		default: 'standard',
		displayOptions: show('check.hscni_access_ni'),
	},
	{
		displayName: 'PIN Number',
		name: 'pinNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 123456',
		description: 'The six-digit AccessNI PIN of your organisation',
		displayOptions: show('check.hscni_access_ni'),
	},
	{
		displayName: 'Barring Adults',
		name: 'barringAdults',
		type: 'boolean',
		default: false,
		description: 'Whether to check the adults barred list',
		displayOptions: { show: { type: ['check.hscni_access_ni'], hscniType: ['enhanced_barring'] } },
	},
	{
		displayName: 'Barring Children',
		name: 'barringChildren',
		type: 'boolean',
		default: false,
		description: 'Whether to check the children barred list',
		displayOptions: { show: { type: ['check.hscni_access_ni'], hscniType: ['enhanced_barring'] } },
	},
	// check.nhs_esr
	...NHS_ESR_BODIES.map(
		(body): INodeProperties => ({
			displayName: body,
			name: body,
			type: 'boolean',
			default: false,
			description: `Whether to check the ${body} professional register`,
			displayOptions: show('check.nhs_esr'),
		}),
	),
	// check.reference
	{
		displayName: 'Years',
		name: 'years',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 3,
		description: 'How many years of history the references cover, 1 to 10',
		displayOptions: show('check.reference'),
	},
	// check.banking_information
	{
		displayName: 'Balance',
		name: 'balance',
		type: 'boolean',
		default: false,
		description: 'Whether to include the account balance',
		displayOptions: show('check.banking_information'),
	},
	{
		displayName: 'Transactions',
		name: 'transactions',
		type: 'options',
		options: [
			{ name: 'Last 1 Month', value: '1' },
			{ name: 'Last 12 Months', value: '12' },
			{ name: 'Last 3 Months', value: '3' },
			{ name: 'Last 6 Months', value: '6' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		displayOptions: show('check.banking_information'),
	},
	{
		displayName: 'Custom Form Template ID',
		name: 'customFormTemplateId',
		type: 'number',
		default: 0,
		description: 'A form template to show with the banking step; 0 means none',
		displayOptions: show('check.banking_information'),
	},
	// check.employment_referencing
	{
		displayName: 'Referencing Type',
		name: 'employmentType',
		type: 'options',
		options: [
			{ name: 'Automated References', value: 'automated_references' },
			{ name: 'Instant Verification', value: 'instant_verification' },
			{ name: 'Standard', value: 'standard' },
		],
		default: 'standard',
		displayOptions: show('check.employment_referencing'),
	},
	{
		displayName: 'Timeframe (Years)',
		name: 'timeframe',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 3,
		description: 'How many years of history to cover, 1 to 10',
		displayOptions: show('check.employment_referencing'),
	},
	{
		displayName: 'Gap Threshold (Days)',
		name: 'gapThreshold',
		type: 'number',
		typeOptions: { minValue: 7, maxValue: 182 },
		default: 28,
		description: 'Gaps longer than this must be explained; a multiple of 7 from 7 to 182',
		displayOptions: show('check.employment_referencing'),
	},
	{
		displayName: 'Supporting Evidence',
		name: 'supportingEvidence',
		type: 'multiOptions',
		options: [
			{ name: 'Education', value: 'education' },
			{ name: 'Employment', value: 'employment' },
			{ name: 'Gap', value: 'gap' },
			{ name: 'Self Employment', value: 'self_employment' },
		],
		default: [],
		displayOptions: show('check.employment_referencing'),
	},
	{
		displayName: 'Instant and Manual Verification',
		name: 'instantAndManual',
		type: 'boolean',
		default: false,
		description: 'Whether to verify instantly and fall back to manual verification',
		displayOptions: {
			show: { type: ['check.employment_referencing'], employmentType: ['standard', 'automated_references'] },
		},
	},
	{
		displayName: 'Review References',
		name: 'reviewReferences',
		type: 'boolean',
		default: false,
		description: 'Whether you review each reference before it is accepted',
		displayOptions: { show: { type: ['check.employment_referencing'], employmentType: ['automated_references'] } },
	},
	{
		displayName: 'Referee Form UUID',
		name: 'refereeForm',
		type: 'string',
		default: '',
		placeholder: 'e.g. f11b16cd-a03c-4c7e-a151-14b5e1463846',
		description: 'The form template sent to referees; leave empty for the default',
		displayOptions: { show: { type: ['check.employment_referencing'], employmentType: ['automated_references'] } },
	},
	// document.request and document.transfer
	{
		displayName: 'Document Source',
		name: 'documentSource',
		type: 'options',
		options: [
			{ name: 'Document Template', value: 'template', description: 'A document template of your team' },
			{ name: 'New Document', value: 'new', description: 'Described here' },
		],
		default: 'new',
		displayOptions: show('document.request', 'document.transfer'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Proof of address',
		description: 'The name of the document the person is asked for',
		displayOptions: { show: { type: ['document.request'], documentSource: ['new'] } },
	},
	{
		displayName: 'Name',
		name: 'documentName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Engagement letter',
		description: 'The name of the document sent to the person',
		displayOptions: { show: { type: ['document.transfer'], documentSource: ['new'] } },
	},
	{
		displayName: 'Attachment ID',
		name: 'attachment',
		type: 'number',
		default: 0,
		description: 'The uploaded attachment to send (POST /attachments)',
		displayOptions: { show: { type: ['document.transfer'], documentSource: ['new'] } },
	},
	{
		displayName: 'Document Template ID',
		name: 'template',
		type: 'number',
		default: 0,
		description: 'The document template to use',
		displayOptions: { show: { type: ['document.request', 'document.transfer'], documentSource: ['template'] } },
	},
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What the person should do with the document',
		displayOptions: show('document.request', 'document.transfer'),
	},
	{
		displayName: 'Require Return',
		name: 'requireReturn',
		type: 'boolean',
		default: false,
		description: 'Whether the person must send the document back (e.g. signed)',
		displayOptions: show('document.transfer'),
	},
	{
		displayName: 'Require Confirmation',
		name: 'requireConfirmation',
		type: 'boolean',
		default: false,
		description: 'Whether the person must confirm they have read the document',
		displayOptions: show('document.transfer'),
	},
	{
		displayName: 'Return Message',
		name: 'returnMessage',
		type: 'string',
		default: '',
		description: 'Shown to the person when they return the document',
		displayOptions: show('document.transfer'),
	},
	// form
	{
		displayName: 'Form UUID',
		name: 'form',
		type: 'string',
		default: '',
		placeholder: 'e.g. f11b16cd-a03c-4c7e-a151-14b5e1463846',
		description: 'The UUID of the form template the person fills in',
		displayOptions: show('form'),
	},
];

/** The steps builder: a list of steps, each with its type and that type's preferences. */
export const stepsBuilder: INodeProperties = {
	displayName: 'Steps',
	name: 'steps',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Step',
	default: {},
	description: 'What the person is asked to do, in order. Credit, identity, video and Thorntons steps take no preferences.',
	options: [{ displayName: 'Step', name: 'step', values: stepFields }],
};

/** A step written as Amiqus expects it. */
export interface AmiqusStep extends IDataObject {
	type: string;
	preferences?: IDataObject;
}

/** Turns one entry of the steps builder into an Amiqus step (validated afterwards by `validateStep`). */
export function stepFromBuilder(entry: IDataObject): AmiqusStep {
	const type = String(entry.type ?? '') as StepType;
	const bool = (key: string) => entry[key] === true;
	const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string).trim() : '');
	const list = (key: string) => (Array.isArray(entry[key]) ? (entry[key] as string[]) : []);
	switch (type) {
		case 'check.photo_id': {
			const reportType = String(entry.reportType ?? 'standard');
			const preferences: IDataObject = { report_type: reportType };
			if (reportType === 'standard') {
				preferences.docs = list('docs');
				preferences.facial_similarity = bool('facialSimilarity');
				preferences.live_document = bool('liveDocument');
			} else {
				preferences.allow_fallback = bool('allowFallback');
			}
			const countries = list('issuingCountries');
			if (countries.length) preferences.issuing_countries = countries;
			if (bool('rightToWork')) preferences.right_to_work = 'GBR';
			if (bool('rightToRent')) preferences.right_to_rent = 'GBR';
			return { type, preferences };
		}
		case 'check.criminal_record': {
			const region = String(entry.region ?? 'england');
			const preferences: IDataObject = { region };
			if (region === 'england') preferences.type = String(entry.criminalType ?? 'basic');
			if (bool('enablePayment')) preferences.enable_payment = true;
			return { type, preferences };
		}
		case 'check.watchlist': {
			const monitor = String(entry.monitor ?? 'off');
			return {
				type,
				preferences: {
					silent: entry.silent !== false,
					monitor: monitor === 'off' ? false : Number(monitor),
					search_profile: String(entry.searchProfile ?? 'peps_sanctions_media'),
					all_entity_types: bool('allEntityTypes'),
				},
			};
		}
		case 'check.dummy': {
			const preferences: IDataObject = {
				state: String(entry.dummyState ?? 'pending'),
				replay: bool('replay'),
				cancel: bool('cancel'),
			};
			const cost = Number(entry.creditCost ?? -1);
			if (cost !== -1) preferences.credit_cost = cost;
			const amount = Number(entry.paymentAmount ?? 0);
			if (amount !== 0) preferences.payment_amount = amount;
			return { type, preferences };
		}
		case 'check.hscni_access_ni': {
			const hscniType = String(entry.hscniType ?? 'standard');
			const preferences: IDataObject = { type: hscniType, pin_number: text('pinNumber') };
			if (hscniType === 'enhanced_barring') {
				preferences.barring_adults = bool('barringAdults');
				preferences.barring_children = bool('barringChildren');
			}
			return { type, preferences };
		}
		case 'check.nhs_esr': {
			const preferences: IDataObject = {};
			for (const body of NHS_ESR_BODIES) preferences[body] = bool(body);
			return { type, preferences };
		}
		case 'check.reference':
			return { type, preferences: { years: Number(entry.years ?? 3) } };
		case 'check.banking_information': {
			const transactions = String(entry.transactions ?? 'none');
			const preferences: IDataObject = {
				balance: bool('balance'),
				transactions: transactions === 'none' ? false : Number(transactions),
			};
			const template = Number(entry.customFormTemplateId ?? 0);
			if (template) preferences.custom_form_template_id = template;
			return { type, preferences };
		}
		case 'check.employment_referencing': {
			const employmentType = String(entry.employmentType ?? 'standard');
			const preferences: IDataObject = {
				type: employmentType,
				timeframe: Number(entry.timeframe ?? 3),
				gap_threshold: Number(entry.gapThreshold ?? 28),
			};
			const evidence = list('supportingEvidence');
			if (evidence.length) preferences.supporting_evidence = evidence;
			if (employmentType !== 'instant_verification' && bool('instantAndManual')) {
				preferences.verification_method = 'instant_and_manual';
			}
			if (employmentType === 'automated_references') {
				preferences.review_references = bool('reviewReferences');
				if (text('refereeForm')) preferences.referee_form = text('refereeForm');
			}
			return { type, preferences };
		}
		case 'document.request': {
			if (entry.documentSource === 'template') {
				return { type, preferences: { template: Number(entry.template ?? 0) } };
			}
			return { type, preferences: { title: text('title'), instructions: text('instructions') } };
		}
		case 'document.transfer': {
			const preferences: IDataObject =
				entry.documentSource === 'template'
					? { template: Number(entry.template ?? 0) }
					: { name: text('documentName'), attachment: Number(entry.attachment ?? 0) };
			preferences.require_return = bool('requireReturn');
			preferences.require_confirmation = bool('requireConfirmation');
			if (text('instructions')) preferences.instructions = text('instructions');
			if (text('returnMessage')) preferences.return_message = text('returnMessage');
			return { type, preferences };
		}
		case 'form':
			return { type, preferences: { form: text('form') } };
		default:
			// credit, identity, video, thorntons_onboarding (no preferences) and unknown types.
			return { type };
	}
}

function isPlainObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks one step (from the builder or pasted as JSON) against the Amiqus rules, so a step
 * Amiqus would refuse costs no request. `label` names the step in errors, e.g. "Steps › Step 2".
 */
export function validateStep(check: InputValidator, raw: unknown, label: string): AmiqusStep {
	if (!isPlainObject(raw)) return check.fail(label, 'must be an object with a "type"');
	const type = check.oneOf(`${label} › Type`, raw.type, STEP_TYPES);
	const field = (name: string) => `${label} › ${name}`;
	const prefs = raw.preferences;
	if (prefs !== undefined && prefs !== null && !isPlainObject(prefs)) {
		check.fail(field('Preferences'), 'must be an object');
	}
	const p: IDataObject = isPlainObject(prefs) ? prefs : {};
	const needPrefs = () => {
		if (!isPlainObject(prefs)) check.fail(field('Preferences'), `are required for a ${STEP_TYPE_NAMES[type]} step`);
	};
	const bool = (key: string, name: string) => {
		if (p[key] !== undefined && typeof p[key] !== 'boolean') check.fail(field(name), 'must be true or false');
	};
	const intIn = (key: string, name: string, min: number, max: number, required = false) => {
		if (p[key] === undefined || p[key] === null) {
			if (required) check.fail(field(name), 'is required');
			return;
		}
		const n = p[key];
		if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
			check.fail(field(name), `must be a whole number from ${min} to ${max}, got "${String(n)}"`);
		}
	};
	const positiveId = (key: string, name: string) => {
		const n = p[key];
		if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
			check.fail(field(name), `must be a positive whole number, got "${String(n ?? '')}"`);
		}
	};
	const enumList = (key: string, name: string, allowed: readonly string[], required: boolean) => {
		const value = p[key];
		if (value === undefined || value === null) {
			if (required) check.fail(field(name), 'needs at least one value');
			return;
		}
		if (!Array.isArray(value) || (required && value.length === 0)) {
			check.fail(field(name), required ? 'needs at least one value' : 'must be a list');
		}
		for (const v of value as unknown[]) check.oneOf(field(name), v, allowed);
		if (new Set(value as unknown[]).size !== (value as unknown[]).length) check.fail(field(name), 'has duplicates');
	};
	const gbrOrNull = (key: string, name: string) => {
		if (p[key] !== undefined && p[key] !== null && p[key] !== 'GBR') check.fail(field(name), 'must be "GBR" or null');
	};

	switch (type) {
		case 'check.photo_id': {
			needPrefs();
			const reportType = check.oneOf(field('Report Type'), p.report_type, ['standard', 'biometric'] as const);
			if (reportType === 'standard') {
				if (!Array.isArray(p.docs) || p.docs.length === 0) {
					check.fail(field('Documents'), 'needs at least one document for a standard Photo ID report', 'Choose Passport, Driving Licence or National ID, or use a biometric report.');
				}
				enumList('docs', 'Documents', PHOTO_ID_DOCS, true);
				bool('facial_similarity', 'Facial Similarity');
				bool('live_document', 'Live Document');
				const withRight = (p.right_to_work ?? null) !== null || (p.right_to_rent ?? null) !== null;
				if (withRight && !(p.docs as string[]).includes('passport')) {
					check.fail(field('Documents'), 'must include Passport for a right to work or right to rent check');
				}
			} else {
				bool('allow_fallback', 'Allow Fallback');
			}
			enumList('issuing_countries', 'Issuing Countries', ISSUING_COUNTRIES, false);
			gbrOrNull('right_to_work', 'Right to Work');
			gbrOrNull('right_to_rent', 'Right to Rent');
			break;
		}
		case 'check.criminal_record': {
			needPrefs();
			const region = check.oneOf(field('Region'), p.region, CRIMINAL_REGIONS);
			if (region === 'england') check.oneOf(field('Disclosure Level'), p.type, CRIMINAL_TYPES);
			bool('enable_payment', 'Enable Payment');
			break;
		}
		case 'check.watchlist':
			bool('silent', 'Silent');
			bool('all_entity_types', 'All Entity Types');
			if (p.monitor !== undefined && p.monitor !== false && p.monitor !== 1 && p.monitor !== 3) {
				check.fail(field('Monitor'), `must be 1, 3 or false, got "${String(p.monitor)}"`);
			}
			if (p.search_profile !== undefined) check.oneOf(field('Search Profile'), p.search_profile, SEARCH_PROFILES);
			break;
		case 'check.dummy':
			if (p.state !== undefined) check.oneOf(field('State'), p.state, DUMMY_STATES);
			bool('replay', 'Replay');
			bool('cancel', 'Cancel');
			intIn('credit_cost', 'Credit Cost', 0, 100);
			intIn('payment_amount', 'Payment Amount', 1, 10000);
			break;
		case 'check.hscni_access_ni':
			needPrefs();
			check.oneOf(field('Check Level'), p.type, HSCNI_TYPES);
			if (typeof p.pin_number !== 'string' || !/^\d{6}$/.test(p.pin_number)) {
				check.fail(field('PIN Number'), `must be six digits, got "${String(p.pin_number ?? '')}"`);
			}
			bool('barring_adults', 'Barring Adults');
			bool('barring_children', 'Barring Children');
			break;
		case 'check.nhs_esr':
			needPrefs();
			for (const body of NHS_ESR_BODIES) bool(body, body);
			if (!NHS_ESR_BODIES.some((body) => p[body] === true)) {
				check.fail(field('Registers'), 'needs at least one of GMC, NMC, HCP, GDC or GPC turned on');
			}
			break;
		case 'check.reference':
			needPrefs();
			intIn('years', 'Years', 1, 10, true);
			break;
		case 'check.banking_information':
			bool('balance', 'Balance');
			if (p.transactions !== undefined && p.transactions !== false && !MONTHS.includes(p.transactions as number)) {
				check.fail(field('Transactions'), `must be 1, 3, 6, 12 or false, got "${String(p.transactions)}"`);
			}
			if (p.custom_form_template_id !== undefined) positiveId('custom_form_template_id', 'Custom Form Template ID');
			break;
		case 'check.employment_referencing':
			needPrefs();
			check.oneOf(field('Referencing Type'), p.type, EMPLOYMENT_TYPES);
			intIn('timeframe', 'Timeframe (Years)', 1, 10, true);
			intIn('gap_threshold', 'Gap Threshold (Days)', 7, 182, true);
			if ((p.gap_threshold as number) % 7 !== 0) check.fail(field('Gap Threshold (Days)'), 'must be a multiple of 7');
			enumList('supporting_evidence', 'Supporting Evidence', SUPPORTING_EVIDENCE, false);
			if (p.referee_form !== undefined && p.referee_form !== null) check.uuid(field('Referee Form UUID'), p.referee_form);
			break;
		case 'document.request':
			needPrefs();
			if (p.template !== undefined) {
				positiveId('template', 'Document Template ID');
			} else {
				check.required(field('Title'), p.title);
				check.required(field('Instructions'), p.instructions);
			}
			break;
		case 'document.transfer':
			needPrefs();
			if (p.template !== undefined) {
				positiveId('template', 'Document Template ID');
			} else {
				check.required(field('Name'), p.name);
				positiveId('attachment', 'Attachment ID');
			}
			bool('require_return', 'Require Return');
			bool('require_confirmation', 'Require Confirmation');
			break;
		case 'form':
			needPrefs();
			check.uuid(field('Form UUID'), p.form);
			break;
		default:
			break;
	}
	return isPlainObject(prefs) ? { type, preferences: prefs } : { type };
}
