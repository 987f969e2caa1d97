import type { INodeProperties } from 'n8n-workflow';

/** A flow, by its ID or by its vlink (https://web.verigram.kz/hf2/{flow_id}/). Verigram has no route that lists flows. */
export const flowLocator: INodeProperties = {
	displayName: 'Flow',
	name: 'flowId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The flow, as returned by Create (flow_id) or its vlink',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3e8a19be-582e-4046-a59c-29489fea45f2',
		},
		{
			displayName: 'By Vlink',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://web.verigram.kz/hf2/3e8a19be-582e-4046-a59c-29489fea45f2/',
			extractValue: { type: 'regex', regex: '/hf2/([^/?#]+)' },
			validation: [{ type: 'regex', properties: { regex: '.*/hf2/[^/?#]+.*', errorMessage: 'Not a Verigram vlink' } }],
		},
	],
};

/** "Wait for final result" options shared by the operations that read a flow's outcome. */
export const waitOptions: INodeProperties[] = [
	{
		displayName: 'Wait for Final Result',
		name: 'waitForFinalResult',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the result again, with growing pauses, until the flow has a final flow_status or the time limit is reached. Verigram pushes no events: this is the documented way (polling GET /flow/{flow_ID}/result).',
	},
	{
		displayName: 'Time Limit (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		displayOptions: { show: { waitForFinalResult: [true] } },
		description: 'Stop waiting after this long and return the last result, with finalResult false',
	},
	{
		displayName: 'First Pause (Seconds)',
		name: 'initialIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 5,
		displayOptions: { show: { waitForFinalResult: [true] } },
		description: 'Pause before the second read; each next pause doubles, up to 60 seconds',
	},
	{
		displayName: 'Final Flow Statuses',
		name: 'finalStatuses',
		type: 'string',
		default: 'pass, fail',
		displayOptions: { show: { waitForFinalResult: [true] } },
		description:
			'Comma-separated flow_status values that end the wait. Verigram documents pass and fail; it does not document whether other values exist.',
	},
];
