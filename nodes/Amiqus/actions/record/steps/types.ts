import type { INodePropertyOptions } from 'n8n-workflow';

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

export const STEP_TYPE_NAMES: Record<StepType, string> = {
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

export const stepTypeOptions: INodePropertyOptions[] = STEP_TYPES.map((value) => ({
	name: STEP_TYPE_NAMES[value],
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

export const PHOTO_ID_DOCS = ['passport', 'driving_licence', 'national_id'] as const;
export const ISSUING_COUNTRIES = ['GBR', 'IRL'] as const;
export const CRIMINAL_REGIONS = ['england', 'scotland'] as const;
export const CRIMINAL_TYPES = ['basic', 'standard', 'enhanced'] as const;
export const DUMMY_STATES = [
	'pending',
	'accepted',
	'rejected',
	'refer',
	'failed',
	'paused',
] as const;
export const HSCNI_TYPES = ['standard', 'enhanced', 'enhanced_barring'] as const;
export const NHS_ESR_BODIES = ['GMC', 'NMC', 'HCP', 'GDC', 'GPC'] as const;
export const EMPLOYMENT_TYPES = [
	'standard',
	'automated_references',
	'instant_verification',
] as const;
export const SUPPORTING_EVIDENCE = ['employment', 'self_employment', 'education', 'gap'] as const;
export const SEARCH_PROFILES = [
	'sanctions',
	'peps_sanctions',
	'peps_sanctions_media',
	'peps_sanctions_media_extended',
] as const;
export const MONTHS = [1, 3, 6, 12];

/** displayOptions of a preference shown for the given step types (inside one builder entry). */
export const show = (...types: StepType[]) => ({ show: { type: types } });
