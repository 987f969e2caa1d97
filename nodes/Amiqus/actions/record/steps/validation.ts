import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../../../shared/validation';
import type { AmiqusStep } from './builder';
import {
	CRIMINAL_REGIONS,
	CRIMINAL_TYPES,
	DUMMY_STATES,
	EMPLOYMENT_TYPES,
	HSCNI_TYPES,
	ISSUING_COUNTRIES,
	MONTHS,
	NHS_ESR_BODIES,
	PHOTO_ID_DOCS,
	SEARCH_PROFILES,
	STEP_TYPE_NAMES,
	STEP_TYPES,
	SUPPORTING_EVIDENCE,
} from './types';

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
		if (!isPlainObject(prefs))
			check.fail(field('Preferences'), `are required for a ${STEP_TYPE_NAMES[type]} step`);
	};
	const bool = (key: string, name: string) => {
		if (p[key] !== undefined && typeof p[key] !== 'boolean')
			check.fail(field(name), 'must be true or false');
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
		if (new Set(value as unknown[]).size !== (value as unknown[]).length)
			check.fail(field(name), 'has duplicates');
	};
	const gbrOrNull = (key: string, name: string) => {
		if (p[key] !== undefined && p[key] !== null && p[key] !== 'GBR')
			check.fail(field(name), 'must be "GBR" or null');
	};

	switch (type) {
		case 'check.photo_id': {
			needPrefs();
			const reportType = check.oneOf(field('Report Type'), p.report_type, [
				'standard',
				'biometric',
			] as const);
			if (reportType === 'standard') {
				if (!Array.isArray(p.docs) || p.docs.length === 0) {
					check.fail(
						field('Documents'),
						'needs at least one document for a standard Photo ID report',
						'Choose Passport, Driving Licence or National ID, or use a biometric report.',
					);
				}
				enumList('docs', 'Documents', PHOTO_ID_DOCS, true);
				bool('facial_similarity', 'Facial Similarity');
				bool('live_document', 'Live Document');
				const withRight = (p.right_to_work ?? null) !== null || (p.right_to_rent ?? null) !== null;
				if (withRight && !(p.docs as string[]).includes('passport')) {
					check.fail(
						field('Documents'),
						'must include Passport for a right to work or right to rent check',
					);
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
			if (p.search_profile !== undefined)
				check.oneOf(field('Search Profile'), p.search_profile, SEARCH_PROFILES);
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
			if (
				p.transactions !== undefined &&
				p.transactions !== false &&
				!MONTHS.includes(p.transactions as number)
			) {
				check.fail(
					field('Transactions'),
					`must be 1, 3, 6, 12 or false, got "${String(p.transactions)}"`,
				);
			}
			if (p.custom_form_template_id !== undefined)
				positiveId('custom_form_template_id', 'Custom Form Template ID');
			break;
		case 'check.employment_referencing':
			needPrefs();
			check.oneOf(field('Referencing Type'), p.type, EMPLOYMENT_TYPES);
			intIn('timeframe', 'Timeframe (Years)', 1, 10, true);
			intIn('gap_threshold', 'Gap Threshold (Days)', 7, 182, true);
			if ((p.gap_threshold as number) % 7 !== 0)
				check.fail(field('Gap Threshold (Days)'), 'must be a multiple of 7');
			enumList('supporting_evidence', 'Supporting Evidence', SUPPORTING_EVIDENCE, false);
			if (p.referee_form !== undefined && p.referee_form !== null)
				check.uuid(field('Referee Form UUID'), p.referee_form);
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
