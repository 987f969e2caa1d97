import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { isSafePathSegment } from '../shared/ids';
import {
	browserReturnProperties,
	browserReturnSettings,
	browserReturnWebhook,
	completeBrowserReturn,
	queryValue,
	startOfBrowserReturn,
} from '../shared/redirect';
import { outOfBandWebhookMethods } from '../shared/delivery';
import { verdictOutput } from '../shared/personalData';
import { getFlowResult } from './transport';
import { finalStatusesFrom, flowVerification, isFinalResult } from './verdict';

const properties = browserReturnProperties({
	what: 'flow',
	example: 'your-company.com',
	notFinished: 'a flow without a final result',
	notice:
		"Not documented by Verigram: this node needs Verigram to append the flow ID to the flow's callback_url (the Flow ID Query Parameter option, flow_id by default), and Verigram documents callback_url only as where the browser goes. Without it no workflow starts. Relying on documented behaviour only: Create Flow with {{ $execution.resumeUrl }} as Callback URL and a Wait node (see examples/verigram-onboarding.json). Otherwise use this node's Production URL as the Callback URL; the node reads the result from Verigram itself, starts the workflow once per finished flow and sends the browser on.",
	options: [
		{
			displayName: 'Final Flow Statuses',
			name: 'finalStatuses',
			type: 'string',
			noDataExpression: true,
			default: 'pass, fail',
			description:
				'Comma-separated flow_status values that count as finished. Verigram documents pass and fail; it does not document whether other values exist.',
		},
		{
			displayName: 'Flow ID Query Parameter',
			name: 'flowIdParameter',
			type: 'string',
			noDataExpression: true,
			default: 'flow_id',
			description:
				'The query parameter of the redirect that carries the flow ID. Verigram does not document what it adds to callback_url; without a flow ID the node starts nothing.',
		},
	],
});

/** What Simplify keeps of a result besides `verification`. */
const RESULT_KEYS = ['flow_id', 'person_id', 'flow_status', 'end_cause', 'finished_at'];

export class VerigramTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Verigram Trigger',
		name: 'verigramTrigger',
		icon: { light: 'file:verigram.svg', dark: 'file:verigram.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		subtitle: '=Flow completion',
		description:
			"Starts the workflow when a person's browser comes back from a Verigram flow, with the flow's result",
		defaults: { name: 'Verigram Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'verigramApi', required: true }],
		webhooks: [browserReturnWebhook('callback')],
		properties,
	};

	// Nothing to register at Verigram: the URL goes into each flow's callback_url.
	webhookMethods = outOfBandWebhookMethods;

	// The start of each execution: drops a result an earlier execution already emitted.
	execute = startOfBrowserReturn;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = browserReturnSettings(this);
		const flowId = queryValue(settings.query, [
			String(settings.options.flowIdParameter || 'flow_id'),
		]);
		const finalStatuses = finalStatusesFrom(settings.options.finalStatuses);
		return await completeBrowserReturn(this, {
			...settings,
			// Flow ids come from the browser's query string and go into a path: plain id characters only, never `..`.
			id: isSafePathSegment(flowId) ? flowId : '',
			read: async () => await getFlowResult(this, flowId),
			isFinal: (result) => isFinalResult(result, finalStatuses),
			toItem: (result) =>
				verdictOutput(
					this,
					0,
					{
						flow_id: flowId,
						...result,
						verification: flowVerification(result, flowId),
					} as IDataObject,
					RESULT_KEYS,
				),
			label: 'Verigram Trigger',
		});
	}
}
