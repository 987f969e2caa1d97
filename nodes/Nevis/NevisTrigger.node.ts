import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	browserReturnProperties,
	browserReturnSettings,
	browserReturnWebhook,
	completeBrowserReturn,
	queryValue,
	startOfBrowserReturn,
} from '../shared/redirect';
import { commaList } from '../shared/validation';
import { outOfBandWebhookMethods } from '../shared/delivery';
import { SESSION_ID } from './actions/common.descriptions';
import { verdictOutput } from '../shared/personalData';
import { SESSION_KEYS } from './actions/session/get.operation';
import { getSession } from './transport';
import { isFinalSession, sessionVerification } from './verdict';

const properties = browserReturnProperties({
	what: 'session',
	example: 'your-portal.com',
	notFinished: 'one that is not verified or failed',
	notice:
		"Not documented by Nevis: this node needs the session ID on the redirect to your instance's redirect URL (the Session ID Query Parameters option), and Nevis documents no such parameter. Without it no workflow starts. Relying on documented behaviour only: read the session with Get in a bounded Wait → Get loop, or with Wait for Final Result (see examples/nevis-onboarding.json). Otherwise have the instance redirect URL set to this node's Production URL; the node reads the session from Nevis itself, starts the workflow once per finished session and sends the browser on.",
	options: [
		{
			displayName: 'Session ID Query Parameters',
			name: 'sessionParameters',
			type: 'string',
			noDataExpression: true,
			default: 'sessionId, tc',
			description:
				'Comma-separated query parameters of the redirect that may carry the session ID, first match wins. Nevis does not document whether the redirect carries the session ID; without one the node starts nothing.',
		},
	],
});

export class NevisTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nevis Trigger',
		name: 'nevisTrigger',
		icon: { light: 'file:nevis.svg', dark: 'file:nevis.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		subtitle: '=Session completion',
		description:
			"Starts the workflow when a person's browser comes back from Nevis identity verification, with the session's result",
		defaults: { name: 'Nevis Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nevisApi', required: true }],
		webhooks: [browserReturnWebhook('redirect')],
		properties,
	};

	// Nothing to register at Nevis: the redirect URL is a setting of the instance.
	webhookMethods = outOfBandWebhookMethods;

	// The start of each execution: drops a result an earlier execution already emitted.
	execute = startOfBrowserReturn;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = browserReturnSettings(this);
		const names = commaList(settings.options.sessionParameters ?? 'sessionId, tc');
		const sessionId = queryValue(settings.query, names);
		return await completeBrowserReturn(this, {
			...settings,
			id: SESSION_ID.test(sessionId) ? sessionId : '',
			read: async () => await getSession(this, sessionId),
			isFinal: isFinalSession,
			toItem: (session) =>
				verdictOutput(
					this,
					0,
					{ ...session, verification: sessionVerification(session, sessionId) } as IDataObject,
					SESSION_KEYS,
				),
			label: 'Nevis Trigger',
		});
	}
}
