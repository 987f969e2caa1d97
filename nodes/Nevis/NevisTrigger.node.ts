import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { browserReturnProperties, browserReturnSettings, completeBrowserReturn, outOfBandWebhookMethods } from '../shared/redirect';
import { SESSION_ID } from './actions/common.descriptions';
import { getSession } from './transport';
import { isFinalSession, sessionVerification } from './verdict';

const { redirectTo, pageText, pendingRedirect, waitSeconds } = browserReturnProperties('session', 'your-portal.com', 'one that is not verified or failed');

export class NevisTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nevis Trigger',
		name: 'nevisTrigger',
		icon: { light: 'file:nevis.svg', dark: 'file:nevis.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Session completion',
		description: "Starts the workflow when a person's browser comes back from Nevis identity verification, with the session's result",
		defaults: { name: 'Nevis Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nevisApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'redirect' }],
		properties: [
			{
				displayName:
					"Nevis sends no server-side events for identity verification: when a person finishes, it redirects their browser to your instance's redirect URL (set when identity verification was ordered, or through a Nevis Portal ticket). Have that redirect URL set to this node's Production URL. The node reads the session from Nevis itself (it never trusts the browser), starts the workflow once per finished session, and sends the browser on to the page below.",
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
					pendingRedirect,
					{
						displayName: 'Session ID Query Parameters',
						name: 'sessionParameters',
						type: 'string',
						default: 'sessionId, tc',
						description:
							'Comma-separated query parameters of the redirect that may carry the session ID, first match wins. Nevis does not document whether the redirect carries the session ID; without one the node starts nothing.',
					},
					waitSeconds,
				],
			},
		],
	};

	// Nothing to register at Nevis: the redirect URL is a setting of the instance.
	webhookMethods = outOfBandWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { options, query, redirectUrl, pendingRedirectUrl, waitSeconds: wait } = browserReturnSettings(this);
		const names = String(options.sessionParameters ?? 'sessionId, tc')
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		const found = names.map((name) => query[name]).find((value) => typeof value === 'string' && value.trim() !== '');
		const sessionId = typeof found === 'string' ? found.trim() : '';
		return await completeBrowserReturn(this, {
			id: SESSION_ID.test(sessionId) ? sessionId : '',
			read: async () => await getSession(this, sessionId),
			isFinal: isFinalSession,
			toItem: (session) => ({ ...session, verification: sessionVerification(session, sessionId) }) as IDataObject,
			waitSeconds: wait,
			redirectUrl,
			pendingRedirectUrl,
			label: 'Nevis Trigger',
		});
	}
}
