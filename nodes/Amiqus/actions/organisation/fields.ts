import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { decisionOptions } from '../common.descriptions';

import { COUNTRIES } from './countries';
import { JURISDICTIONS } from './jurisdictions';

const ADDRESS_TEXT_FIELDS: Array<[string, string, string]> = [
	['City', 'city', 'e.g. London'],
	['District', 'district', ''],
	['House Name', 'house_name', 'e.g. Probert House'],
	['House Number', 'house_number', 'e.g. 42'],
	['Postcode', 'postcode', 'e.g. EC1A 1BB'],
	['Province', 'province', 'A state, county or region'],
	['Second Street', 'second_street', ''],
	['Street Name', 'street_name', 'e.g. Market Street'],
	['Unit', 'unit', 'A flat or suite'],
];

/** The registered address of an organisation. */
const addressField: INodeProperties = {
	displayName: 'Address',
	name: 'address',
	type: 'collection',
	placeholder: 'Add Address Field',
	default: {},
	description: 'The registered address of the organisation',
	options: (
		[
			...ADDRESS_TEXT_FIELDS.map(([displayName, name, hint]): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				...(hint.startsWith('e.g.') ? { placeholder: hint } : hint ? { description: hint } : {}),
			})),
			{
				displayName: 'Country',
				name: 'country',
				type: 'options',
				options: COUNTRIES,
				default: 'GB',
			},
		] as INodeProperties[]
	).sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

/** The organisation fields besides its name: Create's Additional Fields, Update's Update Fields. */
export const optionalOrganisationFields: INodeProperties[] = [
	addressField,
	{
		displayName: 'Company Number',
		name: 'company_number',
		type: 'string',
		default: '',
		placeholder: 'e.g. SC123456',
		description: 'The number the company is registered under; needs Jurisdiction',
	},
	{
		displayName: 'Incorporated On',
		name: 'incorporated_at',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2015-06-01',
		description: 'The date the company was incorporated, written YYYY-MM-DD',
	},
	{
		displayName: 'Jurisdiction',
		name: 'jurisdiction',
		type: 'options',
		options: JURISDICTIONS,
		default: 'gb',
		description: 'Where the company is registered; required with Company Number',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'Your own ID for this organisation, up to 255 characters',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: decisionOptions,
		default: 'pending',
		description: 'Your decision on the organisation',
	},
];

const JURISDICTION_VALUES = JURISDICTIONS.map((option) => option.value);
const COUNTRY_VALUES = COUNTRIES.map((option) => option.value);

/** The Amiqus organisation body from the node's fields, each checked. */
export function organisationBody(check: InputValidator, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		body.name = check.required('Name', fields.name);
		if ((body.name as string).length > 255) check.fail('Name', 'must be at most 255 characters');
	}
	for (const key of ['company_number', 'reference'] as const) {
		const text = String(fields[key] ?? '').trim();
		if (!text) continue;
		if (text.length > 255)
			check.fail(
				key === 'reference' ? 'Reference' : 'Company Number',
				'must be at most 255 characters',
			);
		body[key] = text;
	}
	if (fields.status)
		body.status = check.oneOf('Status', fields.status, [
			'approved',
			'pending',
			'rejected',
		] as const);
	if (fields.jurisdiction)
		body.jurisdiction = check.oneOf(
			'Jurisdiction',
			String(fields.jurisdiction).toLowerCase(),
			JURISDICTION_VALUES,
		);
	if (body.company_number && !body.jurisdiction) {
		check.fail(
			'Jurisdiction',
			'is required with Company Number',
			'Choose where the company is registered.',
		);
	}
	if (fields.incorporated_at)
		body.incorporated_at = check.date('Incorporated On', fields.incorporated_at);
	const address = (fields.address ?? {}) as IDataObject;
	const addressBody: IDataObject = {};
	for (const [key, value] of Object.entries(address)) {
		const text = String(value ?? '').trim();
		if (!text) continue;
		addressBody[key] =
			key === 'country' ? check.oneOf('Country', text.toUpperCase(), COUNTRY_VALUES) : text;
	}
	if (Object.keys(addressBody).length) body.address = addressBody;
	return body;
}
