import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { identomatBaseUrl, identomatRequest, widgetUrl } from '../../transport';
import type { SessionConfiguration } from './configuration';
import {
	configurationFromBuilder,
	flagsProperty,
	stepValues,
	validateConfiguration,
} from './configuration';

/** Default validity of a session token (developer guide). */
const TOKEN_VALIDITY_MINUTES = 15;

const properties: INodeProperties[] = [
	{
		displayName: 'Configuration',
		name: 'configurationMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Build in Node',
				value: 'builder',
				description: 'Set flags and steps with the form below',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'Paste a begin/ configuration (flags, steps, config_id, parent_session_id)',
			},
		],
		default: 'builder',
	},
	{
		displayName: 'Configuration JSON',
		name: 'configurationJson',
		type: 'json',
		default: '{\n  "flags": { "language": "en" },\n  "steps": []\n}',
		description:
			'The begin/ parameters without company_key, e.g. {"flags": {...}, "steps": [...], "config_id": "..."}. It is checked like the form before anything is sent.',
		displayOptions: { show: { configurationMode: ['json'] } },
	},
	flagsProperty,
	{
		displayName: 'Steps',
		name: 'steps',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Step',
		description: 'The steps of the verification, in order',
		displayOptions: { show: { configurationMode: ['builder'] } },
		options: [{ name: 'step', displayName: 'Step', values: stepValues }],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Unknown Step Types',
				name: 'allowUnknownStepTypes',
				type: 'boolean',
				default: false,
				description:
					'Whether a pasted configuration may use step types the developer guide does not list',
				displayOptions: { show: { '/configurationMode': ['json'] } },
			},
			{
				displayName: 'Configuration ID',
				name: 'configId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 62412c096c4b39ba845d4bf2',
				description:
					'A configuration saved in the Identomat dashboard. Steps given here then override the steps with the same key.',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Parent Session ID',
				name: 'parentSessionId',
				type: 'string',
				default: '',
				description:
					'Session token of a parent session, to create a child session (several participants)',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Set Skip Flags With Steps',
				name: 'skipDefaultSteps',
				type: 'boolean',
				default: true,
				description:
					'Whether to send skip_face and skip_document as true when steps are given without a configuration ID and those flags are not set, as the developer guide asks (so the default steps are not duplicated)',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
			{
				displayName: 'Video Call Settings Placement',
				name: 'videoCallSettingsPlacement',
				type: 'options',
				options: [
					{
						name: 'On the Step',
						value: 'step',
						description: 'Next to type and key, as the developer guide lists them',
					},
					{ name: 'In Step Flags', value: 'flags', description: "Inside the step's flags object" },
				],
				default: 'step',
				description:
					'Where Reset Steps, Hide Camera Option and Name Required go; Identomat does not document it',
				displayOptions: { show: { '/configurationMode': ['builder'] } },
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['begin'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const mode = this.getNodeParameter('configurationMode', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	let config: SessionConfiguration;
	if (mode === 'json') {
		const parsed = check.json<unknown>(
			'Configuration JSON',
			this.getNodeParameter('configurationJson', itemIndex),
		);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			check.fail(
				'Configuration JSON',
				'must be a JSON object such as {"flags": {...}, "steps": [...]}',
			);
		}
		config = parsed as SessionConfiguration;
	} else {
		config = configurationFromBuilder(this, itemIndex, check, options);
	}
	validateConfiguration(check, config, {
		allowUnknownStepTypes: options.allowUnknownStepTypes === true,
	});

	const sentAt = Date.now();
	const { body } = await identomatRequest(this, 'begin/', config, { itemIndex });
	if (typeof body !== 'string' || body.trim() === '') {
		check.fail(
			'session_token',
			`was not returned by Identomat; it answered ${JSON.stringify(body)}`,
		);
	}
	const token = (body as string).trim();
	return {
		session_token: token,
		widget_url: widgetUrl(await identomatBaseUrl(this), token),
		expires_at: new Date(sentAt + TOKEN_VALIDITY_MINUTES * 60_000).toISOString(),
		configuration: config,
	};
}
