import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { completeBrowserReturn, outOfBandWebhookMethods } from '../shared/redirect';
import { SESSION_ID } from './actions/common.descriptions';
import { getSession } from './transport';
import { isFinalSession, sessionVerification } from './verdict';

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
			{
				displayName: 'Redirect To',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://your-portal.com/verification-done',
				description: 'The page the person is sent to after a finished session. Empty: a short "thank you" text.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Redirect When Not Finished To',
						name: 'pendingRedirectUrl',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://your-portal.com/verification-pending',
						description:
							'The page for a visit that names no session, an unknown session, or one that is not verified or failed. Empty: the Redirect To page. Nothing is emitted for such visits.',
					},
					{
						displayName: 'Session ID Query Parameters',
						name: 'sessionParameters',
						type: 'string',
						default: 'sessionId, tc',
						description:
							'Comma-separated query parameters of the redirect that may carry the session ID, first match wins. Nevis does not document whether the redirect carries the session ID; without one the node starts nothing.',
					},
					{
						displayName: 'Wait for Result (Seconds)',
						name: 'waitSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
						description: 'How long to keep reading the session when the browser arrives before it is final. 0 reads once.',
					},
				],
			},
		],
	};

	// Nothing to register at Nevis: the redirect URL is a setting of the instance.
	webhookMethods = outOfBandWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const redirectUrl = String(this.getNodeParameter('redirectUrl', '') ?? '').trim();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const pendingUrl = String(options.pendingRedirectUrl ?? '').trim() || redirectUrl;
		const query = this.getQueryData() as IDataObject;
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
			waitSeconds: Number(options.waitSeconds ?? 10),
			redirectUrl,
			pendingRedirectUrl: pendingUrl,
			label: 'Nevis Trigger',
		});
	}
}
