import type { IDataObject } from 'n8n-workflow';

import type { StepType } from './types';
import { NHS_ESR_BODIES } from './types';

/** A step written as Amiqus expects it. */
export interface AmiqusStep extends IDataObject {
	type: string;
	preferences?: IDataObject;
}

/** Turns one entry of the steps builder into an Amiqus step (validated afterwards by `validateStep`). */
export function stepFromBuilder(entry: IDataObject): AmiqusStep {
	const type = String(entry.type ?? '') as StepType;
	const bool = (key: string) => entry[key] === true;
	const text = (key: string) =>
		typeof entry[key] === 'string' ? (entry[key] as string).trim() : '';
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
