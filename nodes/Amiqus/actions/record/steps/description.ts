import type { INodeProperties } from 'n8n-workflow';

import { checkFields } from './description.checks';
import { evidenceFields } from './description.evidence';
import { stepTypeOptions } from './types';

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
	...checkFields,
	...evidenceFields,
];

/** The steps builder: a list of steps, each with its type and that type's preferences. */
export const stepsBuilder: INodeProperties = {
	displayName: 'Steps',
	name: 'steps',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Step',
	default: {},
	description:
		'What the person is asked to do, in order. Credit, identity, video and Thorntons steps take no preferences.',
	options: [{ displayName: 'Step', name: 'step', values: stepFields }],
};
