import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';

/** The reference (a UUID) of a form template, as Form Template → Get Many shows it. */
export const referenceField: INodeProperties = {
	displayName: 'Form Template Reference',
	name: 'reference',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
	description:
		'The "reference" of the form template (a UUID), as Form Template → Get Many shows it',
};

const FIELDS_EXAMPLE = JSON.stringify(
	[
		{ id: '1', type: 'section', label: '', fields: ['2'] },
		{ id: '2', type: 'section', label: 'Onboarding', fields: ['3', '4'] },
		{ id: '3', type: 'text', label: 'Job title', validation: ['required'] },
		{
			id: '4',
			type: 'radio',
			label: { value: 'Contract type', options: ['Full-time', 'Part-time'] },
			validation: ['required'],
		},
	],
	null,
	2,
);

export const fieldsField: INodeProperties = {
	displayName: 'Fields (JSON)',
	name: 'fields',
	type: 'json',
	default: FIELDS_EXAMPLE,
	description:
		'The questions of the form as an array, as Amiqus takes them: the first field is a section that lists the IDs of the fields it holds; types are section, heading, paragraph, text, textarea, radio, checkbox and document',
};

/** Name, Description, Instructions and Enabled, as create and update both take them. */
export const optionalFormFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Up to 255 characters',
	},
	{
		displayName: 'Enabled',
		name: 'is_enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the form can be sent to clients',
	},
	{
		displayName: 'Instructions (JSON)',
		name: 'instructions',
		type: 'json',
		default:
			'{\n  "type": "doc",\n  "content": [\n    { "type": "paragraph", "content": [{ "type": "text", "text": "Please answer every question." }] }\n  ]\n}',
		description: 'Text shown above the form, as a rich-text document ("type": "doc")',
	},
];

/** The form template body from the node's fields: only what was given, JSON fields parsed. */
export function formTemplateBody(check: InputValidator, values: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (values.name !== undefined) body.name = check.required('Name', values.name);
	if (values.description !== undefined && values.description !== '') {
		const text = String(values.description);
		if (text.length > 255)
			check.fail('Description', `is ${text.length} characters long; Amiqus takes at most 255`);
		body.description = text;
	}
	if (typeof values.is_enabled === 'boolean') body.is_enabled = values.is_enabled;
	if (values.instructions !== undefined && values.instructions !== '') {
		const instructions = check.json<IDataObject>('Instructions (JSON)', values.instructions);
		if (
			!instructions ||
			typeof instructions !== 'object' ||
			Array.isArray(instructions) ||
			instructions.type !== 'doc'
		) {
			check.fail(
				'Instructions (JSON)',
				'must be a rich-text document: an object with "type": "doc" and its "content"',
			);
		}
		body.instructions = instructions;
	}
	if (values.fields !== undefined) {
		const fields = check.json<IDataObject[]>('Fields (JSON)', values.fields);
		if (!Array.isArray(fields) || fields.length < 2) {
			check.fail(
				'Fields (JSON)',
				'must be an array of at least two fields',
				'The first field is a section that lists the IDs of the others.',
			);
		}
		if ((fields[0] as IDataObject)?.type !== 'section') {
			check.fail(
				'Fields (JSON)',
				`must start with a section, got "${String((fields[0] as IDataObject)?.type)}"`,
			);
		}
		body.fields = fields;
	}
	return body;
}
