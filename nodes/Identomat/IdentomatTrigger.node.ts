import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	ANSWER_WITH_WEBHOOK_RESPONSE,
	outOfBandWebhookMethods,
	refuseWebhook,
	startOfExecution,
} from '../shared/delivery';
import { verdictOnlyProperty } from '../shared/personalData';
import { pageTextProperty } from '../shared/landingPage';
import { browserReturnWebhook, startOfBrowserReturn } from '../shared/redirect';
import { browserReturn } from './trigger/browserReturn';
import { callback, CALLBACK_MARKER_SECONDS } from './trigger/callback';
import { IDENTOMAT_EVENT_OPTIONS } from './trigger/events';

export class IdentomatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Identomat Trigger',
		name: 'identomatTrigger',
		icon: { light: 'file:identomat.svg', dark: 'file:identomat.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		subtitle: '={{$parameter["source"] === "browserReturn" ? "Browser return" : "Callbacks"}}',
		description:
			'Starts the workflow on Identomat callbacks, or when a person comes back from the Identomat widget',
		defaults: { name: 'Identomat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'identomatApi', required: true }],
		webhooks: [
			// Both are registered; the node panel shows only the URL of what "Receive" picks.
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'callback',
				...ANSWER_WITH_WEBHOOK_RESPONSE,
				ndvHideUrl: '={{ $parameter["source"] === "browserReturn" }}',
			},
			{
				...browserReturnWebhook('return'),
				ndvHideUrl: '={{ $parameter["source"] !== "browserReturn" }}',
			},
		],
		properties: [
			verdictOnlyProperty,
			{
				displayName: 'Receive',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Browser Return (Return URL)',
						value: 'browserReturn',
						description:
							"The person's browser at the Return URL: the result is fetched from Identomat, then the browser is redirected",
					},
					{
						name: 'Identomat Callbacks',
						value: 'callbacks',
						description: 'POST callbacks to the Callback URL of the Identomat company settings',
					},
				],
				default: 'callbacks',
			},
			{
				displayName:
					'Paste the ".../callback" production URL above into Identomat → Company settings → Callback URL, and the Callback API key into the credential.',
				name: 'callbackNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['callbacks'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				noDataExpression: true,
				options: IDENTOMAT_EVENT_OPTIONS,
				default: [
					'one-time-password-request',
					'email-one-time-password-request',
					'share-session-link-via-sms',
					'share-session-link-via-email',
					'statusUpdate',
				],
				required: true,
				displayOptions: { show: { source: ['callbacks'] } },
				description:
					'Callback types that start the workflow; the others are acknowledged and dropped',
			},
			{
				displayName: 'Status Update Types',
				name: 'statusUpdateTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. status-update',
				description:
					'Comma-separated callback types to treat as status updates. Identomat mentions status-update callbacks without documenting their type or payload; empty means any type other than the four documented ones.',
				displayOptions: { show: { source: ['callbacks'], events: ['statusUpdate'] } },
			},
			{
				displayName: 'Fetch Result on Status Update',
				name: 'fetchResult',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the result of the session (sessionId) from the Identomat API for a status update, rather than trusting the callback body, and add it with a verification summary',
				displayOptions: { show: { source: ['callbacks'], events: ['statusUpdate'] } },
			},
			{
				displayName:
					'Not documented by Identomat: this mode needs Identomat to append the session token to return_url (the Session Token Query Parameter below), and Identomat documents nothing about what it appends. Without it no workflow starts. Relying on documented behaviour only: Begin with {{ $execution.resumeUrl }} as Return URL and a Wait node (see examples/identomat-onboarding.json). Otherwise set the Return URL of Begin to the ".../return" production URL above; the result is read from Identomat server-side.',
				name: 'returnNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['browserReturn'] } },
			},
			{
				displayName: 'Session Token Query Parameter',
				name: 'sessionParameter',
				type: 'string',
				default: 'session_token',
				description:
					'Query parameter of the returning URL that holds the session token. Identomat does not document what it appends to return_url; change it if your account uses another name.',
				displayOptions: { show: { source: ['browserReturn'] } },
			},
			{
				displayName: 'Redirect To',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/thank-you',
				description:
					'Page the browser is sent to afterwards; a small page with the Page Text when empty',
				displayOptions: { show: { source: ['browserReturn'] } },
			},
			pageTextProperty({ source: ['browserReturn'] }),
			{
				displayName: 'Only Decided Results',
				name: 'onlyDecided',
				type: 'boolean',
				noDataExpression: true,
				default: false,
				description:
					'Whether to start the workflow only when the result is approved or rejected (a person may come back before the verification is decided)',
				displayOptions: { show: { source: ['browserReturn'] } },
			},
		],
	};

	// Identomat has no API to register callbacks (the URL is pasted into the company settings) and
	// return_url is sent with each session, so there is nothing to create or delete.
	webhookMethods = outOfBandWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const source = this.getNodeParameter('source', 'callbacks') as string;
		const req = this.getRequestObject();
		if (req.method === 'GET') {
			if (source !== 'browserReturn')
				return refuseWebhook(this, 404, 'This trigger receives Identomat callbacks only.');
			return await browserReturn.call(this);
		}
		if (source !== 'callbacks')
			return refuseWebhook(this, 404, 'This trigger receives returning browsers only.');
		return await callback.call(this);
	}

	/** The start of each execution: drops a callback or result an earlier execution already emitted. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (this.getNodeParameter('source', 0, 'callbacks') === 'browserReturn')
			return await startOfBrowserReturn.call(this);
		return [startOfExecution(this, CALLBACK_MARKER_SECONDS)];
	}
}
