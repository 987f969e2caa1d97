import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ListChoices } from '../listOperation';
import { expandOption } from '../listOperation';

/** The reference (a UUID) of a form of a client, as Client → Get Forms returns it. */
export const formReferenceField: INodeProperties = {
	displayName: 'Form Reference',
	name: 'formReference',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. f11b16cd-a03c-4c7e-a151-14b5e1463846',
	description:
		'The "reference" (a UUID) of the form, as returned by Client → Get Forms or Form → Get Many',
};

/** Internal forms are filled in by your team; requested forms by the client, as a step of a record. */
export const formTypeOptions = [
	{ name: 'Internal', value: 'internal', description: 'Filled in by your team' },
	{
		name: 'Requested',
		value: 'requested',
		description: 'Sent to the client as a step of a record',
	},
];

/** The Type filter of the form lists (Client → Get Forms, Form → Get Many). */
export const formTypeFilter: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: formTypeOptions,
	default: 'requested',
};

/** The Type filter as the form lists take it. */
export function formTypeQuery({ filters, check }: ListChoices): IDataObject {
	return filters.type
		? { type: check.oneOf('Type', filters.type, ['internal', 'requested'] as const) }
		: {};
}

export const formExpandOption = expandOption([
	{ name: 'Client', value: 'client' },
	{ name: 'Record', value: 'record' },
]);
