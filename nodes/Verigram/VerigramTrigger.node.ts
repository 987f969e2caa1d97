import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { browserReturnProperties, browserReturnSettings, completeBrowserReturn, outOfBandWebhookMethods } from '../shared/redirect';
import { getFlowResult } from './transport';
import { finalStatusesFrom, flowVerification, isFinalResult } from './verdict';

/** Flow ids come from the browser's query string: accept only plain id characters. */
const FLOW_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const { redirectTo, pageText, pendingRedirect, waitSeconds } = browserReturnProperties('flow', 'your-company.com', 'a flow without a final result');

export class VerigramTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Verigram Trigger',
		name: 'verigramTrigger',
		icon: { light: 'file:verigram.svg', dark: 'file:verigram.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Flow completion',
		description: "Starts the workflow when a person's browser comes back from a Verigram flow, with the flow's result",
		defaults: { name: 'Verigram Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'verigramApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'callback' }],
		properties: [
			{
				displayName:
					"Verigram sends no server-side events: at the end of a flow it redirects the person's browser to the flow's callback_url. Use this node's Production URL as the Callback URL when you create the flow. The node then reads the result from Verigram itself (it never trusts the browser), starts the workflow once per finished flow, and sends the browser on to the page below.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			redirectTo,
			pageText,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Final Flow Statuses',
						name: 'finalStatuses',
						type: 'string',
						default: 'pass, fail',
						description:
							'Comma-separated flow_status values that count as finished. Verigram documents pass and fail; it does not document whether other values exist.',
					},
					{
						displayName: 'Flow ID Query Parameter',
						name: 'flowIdParameter',
						type: 'string',
						default: 'flow_id',
						description:
							'The query parameter of the redirect that carries the flow ID. Verigram does not document what it adds to callback_url; without a flow ID the node starts nothing.',
					},
					pendingRedirect,
					waitSeconds,
				],
			},
		],
	};

	// Nothing to register at Verigram: the URL goes into each flow's callback_url.
	webhookMethods = outOfBandWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { options, query, redirectUrl, pendingRedirectUrl, waitSeconds: wait } = browserReturnSettings(this);
		const raw = query[String(options.flowIdParameter || 'flow_id')];
		const flowId = typeof raw === 'string' ? raw.trim() : '';
		const finalStatuses = finalStatusesFrom(options.finalStatuses);
		return await completeBrowserReturn(this, {
			id: FLOW_ID.test(flowId) ? flowId : '',
			read: async () => await getFlowResult(this, flowId),
			isFinal: (result) => isFinalResult(result, finalStatuses),
			toItem: (result) => ({ ...result, verification: flowVerification(result, flowId) }) as IDataObject,
			waitSeconds: wait,
			redirectUrl,
			pendingRedirectUrl,
			label: 'Verigram Trigger',
		});
	}
}
