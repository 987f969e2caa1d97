import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { stepFromBuilder, stepsBuilder, validateStep } from './steps';

const MAX_MESSAGE_LENGTH = 5000;

const properties: INodeProperties[] = [
	clientLocator,
	{
		displayName: 'Create From',
		name: 'createFrom',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Record Template',
				value: 'template',
				description: 'Use the steps and settings of a record template',
			},
			{ name: 'Steps', value: 'steps', description: 'Build the steps here' },
			{
				name: 'Steps (JSON)',
				value: 'stepsJson',
				description: 'Paste or map an array of Amiqus steps',
			},
		],
		default: 'steps',
	},
	{ ...stepsBuilder, displayOptions: { show: { createFrom: ['steps'] } } },
	{
		displayName: 'Steps (JSON)',
		name: 'stepsJson',
		type: 'json',
		default:
			'[\n  {\n    "type": "check.photo_id",\n    "preferences": { "report_type": "biometric" }\n  }\n]',
		description:
			'An array of steps as the Amiqus API takes them, each with a "type" and its "preferences"',
		displayOptions: { show: { createFrom: ['stepsJson'] } },
	},
	{
		displayName: 'Record Template ID',
		name: 'templateId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The record template to use; list them with Record Template → Get Many',
		displayOptions: { show: { createFrom: ['template'] } },
	},
	{
		displayName: 'Notification',
		name: 'notification',
		type: 'options',
		options: [
			{
				name: 'Email',
				value: 'email',
				description: 'Amiqus emails the person a link to the request',
			},
			{
				name: 'None',
				value: 'none',
				description: 'No email; share the Perform URL of the output yourself',
			},
		],
		default: 'email',
		displayOptions: { show: { createFrom: ['steps', 'stepsJson'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { createFrom: ['steps', 'stepsJson'] } },
		options: [
			{
				displayName: 'Declaration Required',
				name: 'is_declaration_required',
				type: 'boolean',
				default: false,
				description:
					'Whether the person must confirm a declaration before submitting (if enabled for your team)',
			},
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'A message for the person, up to 5000 characters',
			},
			{
				displayName: 'Reminder',
				name: 'reminder',
				type: 'boolean',
				default: false,
				description: 'Whether Amiqus sends a reminder email every two days',
			},
		],
	},
	{
		displayName: 'Assign Template Assignees',
		name: 'assignees',
		type: 'boolean',
		default: true,
		description: 'Whether to assign the team members of the record template to the new record',
		displayOptions: { show: { createFrom: ['template'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const client = idOf(this, clientLocator, itemIndex);
	const createFrom = this.getNodeParameter('createFrom', itemIndex) as string;

	if (createFrom === 'template') {
		const template = check.positiveInteger(
			'Record Template ID',
			this.getNodeParameter('templateId', itemIndex, 0),
		);
		const assignees = this.getNodeParameter('assignees', itemIndex, true) as boolean;
		return (await amiqusRequest(this, 'POST', '/records', {
			body: { client, template, assignees },
			itemIndex,
		})) as IDataObject;
	}

	let steps: IDataObject[];
	if (createFrom === 'stepsJson') {
		const parsed = check.json<unknown>(
			'Steps (JSON)',
			this.getNodeParameter('stepsJson', itemIndex, '[]'),
		);
		if (!Array.isArray(parsed)) check.fail('Steps (JSON)', 'must be a JSON array of steps');
		steps = (parsed as unknown[]).map((step, i) =>
			validateStep(check, step, `Steps (JSON) › Step ${i + 1}`),
		);
	} else {
		const builder = this.getNodeParameter('steps', itemIndex, {}) as IDataObject;
		const entries = (builder.step as IDataObject[] | undefined) ?? [];
		steps = entries.map((entry, i) =>
			validateStep(check, stepFromBuilder(entry), `Steps › Step ${i + 1}`),
		);
	}
	if (steps.length === 0) {
		check.fail(
			createFrom === 'stepsJson' ? 'Steps (JSON)' : 'Steps',
			'needs at least one step',
			'Add a step, e.g. Photo ID.',
		);
	}

	const notification = check.oneOf(
		'Notification',
		this.getNodeParameter('notification', itemIndex, 'email'),
		['email', 'none'] as const,
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		client,
		steps,
		notification: notification === 'email' ? 'email' : false,
	};
	if (additional.message !== undefined && additional.message !== '') {
		const message = String(additional.message);
		if (message.length > MAX_MESSAGE_LENGTH) {
			check.fail(
				'Message',
				`must be at most ${MAX_MESSAGE_LENGTH} characters, got ${message.length}`,
			);
		}
		body.message = message;
	}
	if (additional.reminder !== undefined) body.reminder = additional.reminder === true;
	if (additional.is_declaration_required !== undefined) {
		body.is_declaration_required = additional.is_declaration_required === true;
	}
	return (await amiqusRequest(this, 'POST', '/records', { body, itemIndex })) as IDataObject;
}
