import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { outOfBandWebhookMethods, pageTextProperty, redirectBrowser } from '../shared/redirect';
import { firstTimeSeen, refuseWebhook, safeEqual } from '../shared/signature';
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
		version: 1,
		subtitle: '={{$parameter["source"] === "browserReturn" ? "Browser return" : "Callbacks"}}',
		description: 'Starts the workflow on Identomat callbacks, or when a person comes back from the Identomat widget',
		defaults: { name: 'Identomat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'identomatApi', required: true }],
		webhooks: [
			// Both are registered; the node panel shows only the URL of what "Receive" picks.
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback', ndvHideUrl: '={{ $parameter["source"] === "browserReturn" }}' },
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'return', ndvHideUrl: '={{ $parameter["source"] !== "browserReturn" }}' },
		],
		properties: [
			{
				displayName: 'Receive',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Browser Return (Return URL)',
						value: 'browserReturn',
						description: "The person's browser at the Return URL: the result is fetched from Identomat, then the browser is redirected",
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
				options: [
					{ name: 'Email One-Time Password Request', value: 'email-one-time-password-request' },
					{ name: 'One-Time Password Request (SMS)', value: 'one-time-password-request' },
					{ name: 'Session Link Shared by Email', value: 'share-session-link-via-email' },
					{ name: 'Session Link Shared by SMS', value: 'share-session-link-via-sms' },
					{ name: 'Status Update', value: 'statusUpdate', description: 'Any other callback type (format not documented)' },
				],
				default: ['one-time-password-request', 'email-one-time-password-request', 'share-session-link-via-sms', 'share-session-link-via-email', 'statusUpdate'],
				required: true,
				displayOptions: { show: { source: ['callbacks'] } },
				description: 'Callback types that start the workflow; the others are acknowledged and dropped',
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
					'Set the Return URL of Begin to the ".../return" production URL above. The result is read from Identomat server-side; the browser only brings the session token.',
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
				description: 'Page the browser is sent to afterwards; a small page with the Page Text when empty',
				displayOptions: { show: { source: ['browserReturn'] } },
			},
			pageTextProperty({ source: ['browserReturn'] }),
			{
				displayName: 'Only Decided Results',
				name: 'onlyDecided',
				type: 'boolean',
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
			if (source !== 'browserReturn') return refuseWebhook(this, 404, 'This trigger receives Identomat callbacks only.');
			return await browserReturn.call(this);
		}
		if (source !== 'callbacks') return refuseWebhook(this, 404, 'This trigger receives returning browsers only.');
		return await callback.call(this);
	}
}

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
	const events = this.getNodeParameter('events', []) as string[];
	const statusTypes = list(this.getNodeParameter('statusUpdateTypes', ''));
	const isStatusUpdate = !CALLBACK_TYPES.includes(type) && (statusTypes.length === 0 || statusTypes.includes(type));
	const wanted = CALLBACK_TYPES.includes(type) ? events.includes(type) : isStatusUpdate && events.includes('statusUpdate');
	if (!wanted) return { webhookResponse: { received: true } };

	// The shared key is a secret: it never reaches the workflow.
	const item: IDataObject = { ...body };
	delete item.callbackApiKey;
	if (isStatusUpdate) {
		item.event = 'statusUpdate';
		const sessionId = typeof body.sessionId === 'string' ? body.sessionId : '';
		if (sessionId && this.getNodeParameter('fetchResult', true) === true) {
			const { body: result } = await identomatRequest(this, 'result/', { session_token: sessionId });
			if (result && typeof result === 'object' && !Array.isArray(result)) {
				item.result = result as IDataObject;
				item.verification = resultVerification(sessionId, result as IDataObject) as unknown as IDataObject;
			}
		}
	}
	return { workflowData: [[{ json: item }]], webhookResponse: { received: true } };
}

async function browserReturn(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const location = String(this.getNodeParameter('redirectUrl', '') ?? '').trim();
	const parameter = String(this.getNodeParameter('sessionParameter', 'session_token') || 'session_token');
	const query = this.getQueryData() as IDataObject;
	const token = typeof query[parameter] === 'string' ? (query[parameter] as string).trim() : '';
	// Whatever the browser brings, it is only a pointer: the result is read server-side.
	if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) return redirectBrowser(this, location, null);
	let result: IDataObject;
	try {
		const { body } = await identomatRequest(this, 'result/', { session_token: token });
		if (!body || typeof body !== 'object' || Array.isArray(body)) return redirectBrowser(this, location, null);
		result = body as IDataObject;
	} catch (error) {
		// An unknown or forged token (or an unreachable Identomat) starts no run; the person still moves on.
		this.logger.warn(`Identomat Trigger: the result of a returning session could not be read: ${(error as Error).message}`);
		return redirectBrowser(this, location, null);
	}
	const verification = resultVerification(token, result);
	const decided = verification.status === 'verified' || verification.status === 'rejected';
	if (!decided && this.getNodeParameter('onlyDecided', false) === true) return redirectBrowser(this, location, null);
	// A decided session starts one run, however often the browser comes back.
	if (decided && !firstTimeSeen(this, token)) return redirectBrowser(this, location, null);
	return redirectBrowser(this, location, [
		{ session_token: token, ...result, verification: verification as unknown as IDataObject },
	]);
}
