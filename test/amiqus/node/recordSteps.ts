import type { IDataObject } from 'n8n-workflow';

/** Steps of every type for Record → Create, and what Amiqus must receive for them. */
export const FORM_UUID = 'f11b16cd-a03c-4c7e-a151-14b5e1463846';

/** One builder entry per step type, with non-default preferences where the type has any. */
export const EVERY_STEP_TYPE: IDataObject[] = [
	{
		type: 'check.photo_id',
		reportType: 'standard',
		docs: ['passport', 'national_id'],
		facialSimilarity: true,
		issuingCountries: ['GBR'],
		rightToWork: true,
	},
	{ type: 'check.photo_id', reportType: 'biometric', allowFallback: true, rightToRent: true },
	{
		type: 'check.criminal_record',
		region: 'england',
		criminalType: 'enhanced',
		enablePayment: true,
	},
	{ type: 'check.criminal_record', region: 'scotland' },
	{
		type: 'check.watchlist',
		silent: false,
		monitor: '3',
		searchProfile: 'sanctions',
		allEntityTypes: true,
	},
	{ type: 'check.dummy', dummyState: 'accepted', replay: true, creditCost: 0, paymentAmount: 1437 },
	{
		type: 'check.hscni_access_ni',
		hscniType: 'enhanced_barring',
		pinNumber: '123456',
		barringChildren: true,
	},
	{ type: 'check.nhs_esr', GMC: true, NMC: true },
	{ type: 'check.reference', years: 5 },
	{ type: 'check.banking_information', balance: true, transactions: '6', customFormTemplateId: 12 },
	{
		type: 'check.employment_referencing',
		employmentType: 'automated_references',
		timeframe: 5,
		gapThreshold: 28,
		supportingEvidence: ['employment', 'gap'],
		reviewReferences: true,
		refereeForm: FORM_UUID,
	},
	{
		type: 'document.request',
		documentSource: 'new',
		title: 'Proof of address',
		instructions: 'A utility bill from the last 3 months',
	},
	{
		type: 'document.transfer',
		documentSource: 'new',
		documentName: 'Engagement letter',
		attachment: 31700,
		requireReturn: true,
		instructions: 'Sign and return',
		returnMessage: 'Thanks',
	},
	{ type: 'form', form: FORM_UUID },
	{ type: 'check.credit' },
	{ type: 'check.identity' },
	{ type: 'check.video' },
	{ type: 'check.thorntons_onboarding' },
];

/** What Amiqus must receive for EVERY_STEP_TYPE. */
export const EXPECTED_STEPS: IDataObject[] = [
	{
		type: 'check.photo_id',
		preferences: {
			report_type: 'standard',
			docs: ['passport', 'national_id'],
			facial_similarity: true,
			live_document: false,
			issuing_countries: ['GBR'],
			right_to_work: 'GBR',
		},
	},
	{
		type: 'check.photo_id',
		preferences: { report_type: 'biometric', allow_fallback: true, right_to_rent: 'GBR' },
	},
	{
		type: 'check.criminal_record',
		preferences: { region: 'england', type: 'enhanced', enable_payment: true },
	},
	{ type: 'check.criminal_record', preferences: { region: 'scotland' } },
	{
		type: 'check.watchlist',
		preferences: { silent: false, monitor: 3, search_profile: 'sanctions', all_entity_types: true },
	},
	{
		type: 'check.dummy',
		preferences: {
			state: 'accepted',
			replay: true,
			cancel: false,
			credit_cost: 0,
			payment_amount: 1437,
		},
	},
	{
		type: 'check.hscni_access_ni',
		preferences: {
			type: 'enhanced_barring',
			pin_number: '123456',
			barring_adults: false,
			barring_children: true,
		},
	},
	{
		type: 'check.nhs_esr',
		preferences: { GMC: true, NMC: true, HCP: false, GDC: false, GPC: false },
	},
	{ type: 'check.reference', preferences: { years: 5 } },
	{
		type: 'check.banking_information',
		preferences: { balance: true, transactions: 6, custom_form_template_id: 12 },
	},
	{
		type: 'check.employment_referencing',
		preferences: {
			type: 'automated_references',
			timeframe: 5,
			gap_threshold: 28,
			supporting_evidence: ['employment', 'gap'],
			review_references: true,
			referee_form: FORM_UUID,
		},
	},
	{
		type: 'document.request',
		preferences: {
			title: 'Proof of address',
			instructions: 'A utility bill from the last 3 months',
		},
	},
	{
		type: 'document.transfer',
		preferences: {
			name: 'Engagement letter',
			attachment: 31700,
			require_return: true,
			require_confirmation: false,
			instructions: 'Sign and return',
			return_message: 'Thanks',
		},
	},
	{ type: 'form', preferences: { form: FORM_UUID } },
	{ type: 'check.credit' },
	{ type: 'check.identity' },
	{ type: 'check.video' },
	{ type: 'check.thorntons_onboarding' },
];
