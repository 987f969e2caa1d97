import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { decisionOptions } from '../common.descriptions';

export const TITLES = [
	'miss',
	'ms',
	'mrs',
	'mr',
	'dr',
	'sir',
	'master',
	'mx',
	'dame',
	'lord',
	'lady',
	'prof',
	'other',
] as const;

const titleOptions = TITLES.map((title) => ({
	name: title === 'other' ? 'Other' : title.charAt(0).toUpperCase() + title.slice(1),
	value: title,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Optional client fields shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalClientFields: INodeProperties[] = [
	{
		displayName: 'Date of Birth',
		name: 'dob',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1968-06-12',
		description: 'Written YYYY-MM-DD',
	},
	{
		displayName: 'Deletion Date',
		name: 'deletion_date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2027-01-14',
		description: 'When Amiqus deletes the client data, written YYYY-MM-DD',
	},
	{
		displayName: 'Landline',
		name: 'landline',
		type: 'string',
		default: '',
		placeholder: 'e.g. +441312345678',
	},
	{ displayName: 'Middle Name', name: 'middle_name', type: 'string', default: '' },
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		placeholder: 'e.g. +447700900123',
	},
	{
		displayName: 'Other Title',
		name: 'other_title',
		type: 'string',
		default: '',
		description: 'Up to 20 characters; required when Title is Other',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: "Your own ID for this person, e.g. your app's user ID",
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: decisionOptions,
		default: 'pending',
	},
	{ displayName: 'Title', name: 'title', type: 'options', options: titleOptions, default: 'mr' },
];

/** Builds the Amiqus client body from flat fields, validating each one. */
export function clientBody(check: InputValidator, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const name: IDataObject = {};
	for (const key of ['first_name', 'middle_name', 'last_name'] as const) {
		if (fields[key] !== undefined && fields[key] !== '') {
			const value = String(fields[key]).trim();
			if (value.length > 255) check.fail(labelOf(key), 'must be at most 255 characters');
			name[key] = value;
		}
	}
	if (fields.title !== undefined && fields.title !== '') {
		name.title = check.oneOf('Title', fields.title, TITLES);
		if (name.title === 'other') {
			const other = check.required('Other Title', fields.other_title);
			if (other.length > 20) check.fail('Other Title', 'must be at most 20 characters');
			name.other_title = other;
		}
	}
	if (Object.keys(name).length) body.name = name;
	if (fields.email !== undefined) body.email = check.email('Email', fields.email);
	if (fields.dob) body.dob = check.date('Date of Birth', fields.dob);
	if (fields.deletion_date) body.deletion_date = check.date('Deletion Date', fields.deletion_date);
	for (const key of ['landline', 'mobile', 'reference', 'status'] as const) {
		if (fields[key] !== undefined && fields[key] !== '') body[key] = String(fields[key]).trim();
	}
	return body;
}

function labelOf(key: string): string {
	return (
		{ first_name: 'First Name', middle_name: 'Middle Name', last_name: 'Last Name' }[key] ?? key
	);
}
