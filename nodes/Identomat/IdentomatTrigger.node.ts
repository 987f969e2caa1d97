import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryKey } from '../shared/dedup';
import {
	acceptDelivery,
	ANSWER_WITH_WEBHOOK_RESPONSE,
	outOfBandWebhookMethods,
	refuseWebhook,
	startOfExecution,
} from '../shared/delivery';
import {
	browserReturnWebhook,
	completeBrowserReturn,
	pageTextProperty,
	startOfBrowserReturn,
} from '../shared/redirect';
import {
	isVerdictOnly,
	reduceToVerdict,
	verdictOnlyProperty,
	verdictOutput,
} from '../shared/personalData';
import { safeEqual } from '../shared/signature';
import { CALLBACK_TYPES } from './constants';
import { CREDENTIAL_TYPE, identomatRequest } from './transport';
import { resultVerification } from './verdict';

function list(value: unknown): string[] {
	return typeof value === 'string'
		? value
				.split(',')
				.map((v) => v.trim())
				.filter((v) => v !== '')
		: [];
}

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
				options: [
					{ name: 'Email One-Time Password Request', value: 'email-one-time-password-request' },
					{ name: 'One-Time Password Request (SMS)', value: 'one-time-password-request' },
					{ name: 'Session Link Shared by Email', value: 'share-session-link-via-email' },
					{ name: 'Session Link Shared by SMS', value: 'share-session-link-via-sms' },
					{
						name: 'Status Update',
						value: 'statusUpdate',
						description: 'Any other callback type (format not documented)',
					},
				],
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

/**
 * Callbacks carry no id or time: a repeated callback is recognised by its exact body for this
 * long (retries of a delivery). A later identical body (the same code sent again) runs again.
 */
const CALLBACK_MARKER_SECONDS = 600;

async function callback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const expected = typeof credentials.callbackApiKey === 'string' ? credentials.callbackApiKey : '';
	const body = this.getBodyData() as IDataObject;
	const received = body && typeof body.callbackApiKey === 'string' ? body.callbackApiKey : '';
	// Identomat puts a shared key in the body (no signature). Fail closed: no key set, no run.
	if (!expected || !received || !safeEqual(received, expected)) {
		return refuseWebhook(this, 401, 'Unauthorized');
	}
	const type = typeof body.type === 'string' ? body.type : '';
	const chosen = this.getNodeParameter('events', []);
	// Fail closed: anything but a list (an expression giving text) selects no event.
	const events = Array.isArray(chosen) ? (chosen as string[]) : [];
	const statusTypes = list(this.getNodeParameter('statusUpdateTypes', ''));
	const isStatusUpdate =
		!CALLBACK_TYPES.includes(type) && (statusTypes.length === 0 || statusTypes.includes(type));
	const wanted = CALLBACK_TYPES.includes(type)
		? events.includes(type)
		: isStatusUpdate && events.includes('statusUpdate');
	if (!wanted) return { webhookResponse: { received: true } };

	// The shared key is a secret: it never reaches the workflow.
	const item: IDataObject = { ...body };
	delete item.callbackApiKey;
	// Named by the body without the key: the digest is in the output, and must not help guess the key.
	const key = deliveryKey(JSON.stringify(item));
	if (isStatusUpdate) {
		item.event = 'statusUpdate';
		const sessionId = typeof body.sessionId === 'string' ? body.sessionId : '';
		if (sessionId && this.getNodeParameter('fetchResult', true) === true) {
			const { body: result } = await identomatRequest(this, 'result/', {
				session_token: sessionId,
			});
			if (result && typeof result === 'object' && !Array.isArray(result)) {
				item.result = result as IDataObject;
				item.verification = resultVerification(
					sessionId,
					result as IDataObject,
				) as unknown as IDataObject;
			}
		}
	}
	// Simplify, for status updates: the session id and the verdict, never the result. An OTP or link-sharing
	// callback is kept whole: the workflow needs its phone number or email to act on it.
	const output =
		isStatusUpdate && isVerdictOnly(this)
			? reduceToVerdict(item, ['type', 'event', 'sessionId'])
			: item;
	return acceptDelivery(this, key, CALLBACK_MARKER_SECONDS, [output]);
}

/** What Simplify keeps of a browser return's result besides `verification`. */
const RESULT_KEYS = ['session_token', 'result', 'result_comment', 'configId'];

async function browserReturn(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const location = String(this.getNodeParameter('redirectUrl', '') ?? '').trim();
	const parameter = String(
		this.getNodeParameter('sessionParameter', 'session_token') || 'session_token',
	);
	const onlyDecided = this.getNodeParameter('onlyDecided', false) === true;
	const query = this.getQueryData() as IDataObject;
	const token = typeof query[parameter] === 'string' ? (query[parameter] as string).trim() : '';
	const decided = (result: IDataObject | undefined) => {
		const status = result ? resultVerification(token, result).status : undefined;
		return status === 'verified' || status === 'rejected';
	};
	// Whatever the browser brings, it is only a pointer: the result is read server-side.
	return await completeBrowserReturn(this, {
		id: /^[A-Za-z0-9_-]{8,128}$/.test(token) ? token : '',
		read: async () => {
			const { body } = await identomatRequest(this, 'result/', { session_token: token });
			return body && typeof body === 'object' && !Array.isArray(body)
				? (body as IDataObject)
				: undefined;
		},
		isFinal: decided,
		// A session not decided yet is emitted too (unless Only Decided Results), once per status.
		interimStatus: (result) =>
			onlyDecided || !result ? undefined : String(resultVerification(token, result).providerStatus),
		toItem: (result) =>
			verdictOutput(
				this,
				0,
				{
					session_token: token,
					...result,
					verification: resultVerification(token, result ?? {}) as unknown as IDataObject,
				},
				RESULT_KEYS,
			),
		waitSeconds: 0,
		redirectUrl: location,
		pendingRedirectUrl: location,
		label: 'Identomat Trigger',
	});
}
