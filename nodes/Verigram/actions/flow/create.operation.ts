import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { verigramRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://your-company.com/callback',
		description:
			"Where Verigram sends the person's browser when the flow ends (a browser redirect, not a server call). {{ $execution.resumeUrl }} works here: a Wait node (Resume: On Webhook Call) later in this workflow then resumes when the person comes back, and Get Result reads the outcome; this relies on nothing undocumented. A Verigram Trigger's Production URL works only if Verigram appends the flow ID, which it does not document.",
	},
	{
		displayName: 'Person ID',
		name: 'personId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. client-1042',
		description: 'Your own identifier of the person (person_id)',
	},
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: 'en',
		placeholder: 'e.g. en',
		description:
			'Language of the hosted pages. Verigram documents en; ru is used by public integrations; other values (such as kk) are not documented.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Input Data (JSON)',
				name: 'inputData',
				type: 'json',
				default: '{}',
				description:
					'Initial data of the flow (input_data), e.g. {"iin": "...", "phone_number": "+7...", "files": {...}}. Verigram says a flow can be given initial data; the fields come from public integrations and which are required is not documented.',
			},
			{
				displayName: 'Template Pipeline (JSON)',
				name: 'templatePipeline',
				type: 'json',
				default: '[]',
				description:
					'The steps of the flow (template.pipeline), e.g. [{"service_name": "consent"}, {"service_name": "verilive"}]. Service names seen in public integrations: consent, verilive, kisc, client-card, doc-preview, esign; Verigram publishes no complete list.',
			},
			{
				displayName: 'Logo URL',
				name: 'logoUrl',
				type: 'string',
				default: '',
				description:
					'Logo shown on the hosted pages (template.ui.logo_url, seen in public integrations)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['flow'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const body: IDataObject = {
		callback_url: check.url('Callback URL', this.getNodeParameter('callbackUrl', itemIndex, '')),
		person_id: check.required('Person ID', this.getNodeParameter('personId', itemIndex, '')),
		locale: check.required('Locale', this.getNodeParameter('locale', itemIndex, 'en')),
	};
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.inputData !== undefined) {
		const inputData = check.json<unknown>('Input Data (JSON)', extra.inputData);
		if (!inputData || typeof inputData !== 'object' || Array.isArray(inputData)) {
			check.fail('Input Data (JSON)', 'must be a JSON object', 'e.g. {"iin": "900101300123"}');
		}
		if (Object.keys(inputData as IDataObject).length) body.input_data = inputData as IDataObject;
	}
	const template: IDataObject = {};
	if (extra.templatePipeline !== undefined) {
		const pipeline = check.json<unknown>('Template Pipeline (JSON)', extra.templatePipeline);
		if (
			!Array.isArray(pipeline) ||
			pipeline.some(
				(step) =>
					!step ||
					typeof step !== 'object' ||
					typeof (step as IDataObject).service_name !== 'string',
			)
		) {
			check.fail(
				'Template Pipeline (JSON)',
				'must be a JSON array of steps, each with a service_name',
				'e.g. [{"service_name": "verilive"}]',
			);
		}
		if ((pipeline as IDataObject[]).length) template.pipeline = pipeline as IDataObject[];
	}
	if (extra.logoUrl) template.ui = { logo_url: check.url('Logo URL', extra.logoUrl) };
	if (Object.keys(template).length) body.template = template;
	return (await verigramRequest(this, 'POST', '/flow', { body, itemIndex })) as IDataObject;
}
