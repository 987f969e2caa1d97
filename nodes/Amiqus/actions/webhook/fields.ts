import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { AMIQUS_EVENT_OPTIONS, normaliseEvents } from '../../trigger/events';

export const webhookIdField: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The ID of the webhook subscription, as Webhook → Get Many shows it',
};

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: AMIQUS_EVENT_OPTIONS,
	default: [],
	description: 'What Amiqus sends to the URL',
};

export const urlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.org/incoming/webhooks/amiqus',
	description: 'Where Amiqus sends the events: a public HTTPS address',
};

export const enabledField: INodeProperties = {
	displayName: 'Enabled',
	name: 'is_enabled',
	type: 'boolean',
	default: true,
	description:
		'Whether Amiqus sends events to this webhook; Amiqus turns a webhook off after 10 payloads that failed every retry',
};

export const includeSecretField: INodeProperties = {
	displayName: 'Include Signing Secret',
	name: 'includeSecret',
	type: 'boolean',
	default: false,
	description:
		'Whether to output the secret Amiqus signs deliveries with. Anyone who has it can forge deliveries (also to an Amiqus Trigger that uses this webhook), so turn it on only when a later node verifies signatures.',
};

/** The webhook body from the node's fields: only what was given. */
export function webhookBody(check: InputValidator, values: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (values.url !== undefined) body.url = check.url('URL', values.url);
	if (values.events !== undefined) {
		// A list, or names separated by commas (as an expression or an AI agent may give them).
		const given = Array.isArray(values.events)
			? (values.events as string[])
			: String(values.events ?? '').split(',');
		const events = normaliseEvents(given);
		if (!events.length) check.fail('Events', 'is empty', 'Choose at least one event.');
		const known = AMIQUS_EVENT_OPTIONS.map((option) => String(option.value));
		for (const event of events) check.oneOf('Events', event, known);
		body.events = events;
	}
	if (typeof values.is_enabled === 'boolean') body.is_enabled = values.is_enabled;
	return body;
}

/** A webhook as output: without its signing secret unless Include Signing Secret is on. */
export function webhookOutput(webhook: IDataObject, includeSecret: boolean): IDataObject {
	if (includeSecret || !('secret' in webhook)) return webhook;
	const rest = { ...webhook };
	delete rest.secret;
	return rest;
}
