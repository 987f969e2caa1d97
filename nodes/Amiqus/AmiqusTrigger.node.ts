import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { acceptDelivery, firstTimeSeen, forgetSeen, rawBodyOf, refuseWebhook, verifyHmacSignature } from '../shared/signature';
import { amiqusRequest } from './transport';
import { describeDelivery, fetchResource, resourceIdOf, resourcesToFetch } from './trigger/delivery';
import { AMIQUS_EVENT_OPTIONS, eventMatches, normaliseEvents, sameEvents } from './trigger/events';
import { recordVerification } from './verdict';

/** What the node keeps in its static data about the webhook it registered. */
interface WebhookState extends IDataObject {
	webhookId?: number | string;
	webhookSecret?: string;
	webhookEvents?: string[];
	seenIds?: string[];
}

function clearWebhookState(state: WebhookState): void {
	delete state.webhookId;
	delete state.webhookSecret;
	delete state.webhookEvents;
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode) === '404';
}

/** Errors of the transport are NodeApiErrors already; anything else is wrapped so n8n shows it properly. */
function asNodeError(ctx: IHookFunctions, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Keeps the id and secret of a webhook object returned by Amiqus, after checking it has both. */
function storeWebhook(ctx: IHookFunctions, state: WebhookState, response: unknown, action: string): void {
	const hook = (response ?? {}) as IDataObject;
	const id = hook.id;
	const secret = hook.secret;
	if ((typeof id !== 'number' && typeof id !== 'string') || id === '' || typeof secret !== 'string' || !secret) {
		throw new NodeApiError(ctx.getNode(), hook as JsonObject, {
			message: `Amiqus: the response to ${action} the webhook has no id or no signing secret`,
			description:
				'Without the secret no delivery can be verified, so the trigger cannot be activated. Try activating the workflow again.',
		});
	}
	state.webhookId = id;
	state.webhookSecret = secret;
	state.webhookEvents = Array.isArray(hook.events) ? (hook.events as string[]) : [];
}

export class AmiqusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amiqus Trigger',
		name: 'amiqusTrigger',
		icon: { light: 'file:amiqus.svg', dark: 'file:amiqus.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Amiqus sends a signed webhook (records, clients, cases, forms)',
		defaults: { name: 'Amiqus Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'amiqusApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
			{ name: 'amiqusOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'The webhook is registered with Amiqus (under Developer Settings → Webhooks) when the workflow is published, and removed when it is unpublished. Amiqus delivers only to a public HTTPS address: the webhook URL above must be reachable from the internet (set WEBHOOK_URL when n8n runs behind a proxy).',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Personal Access Token', value: 'accessToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'accessToken',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: AMIQUS_EVENT_OPTIONS,
				required: true,
				default: ['record.finished'],
				description:
					'The events that start the workflow. Amiqus is subscribed to exactly these; wildcards cover a whole group.',
			},
			{
				displayName: 'Choose at least one event in Events: Amiqus subscribes the webhook to exactly the events chosen, so the workflow cannot be published without one.',
				name: 'noEventsNotice',
				type: 'notice',
				default: '',
				// Shown only while Events is empty: any chosen event hides it.
				displayOptions: { hide: { events: AMIQUS_EVENT_OPTIONS.map((option) => option.value) } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Resource',
						name: 'fetchFullResource',
						type: 'boolean',
						default: false,
						description:
							'Whether to fetch the full record (record events and Client Record Added) or client (client events) and add it next to the payload as "record" or "client". The payload itself only holds IDs and links.',
					},
					{
						displayName: 'Include Check Results',
						name: 'includeChecks',
						type: 'boolean',
						default: false,
						displayOptions: { show: { fetchFullResource: [true] } },
						description:
							"Whether to also fetch the record's steps with their checks and reviews (one more request), so the verification of a finished record says whether it passed instead of needs_review",
					},
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the HTTP headers of the delivery to the output as "headers"',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				if (state.webhookId === undefined) return false;
				// Without the secret no delivery could be verified: register again (create adopts the hook).
				if (!state.webhookSecret) return false;
				let hook: IDataObject;
				try {
					hook = (await amiqusRequest(this, 'GET', `/webhooks/${encodeURIComponent(String(state.webhookId))}`)) as IDataObject;
				} catch (error) {
					if (isNotFound(error)) {
						// Deleted on the Amiqus side: forget it so create registers a new one.
						this.logger.info(`Amiqus webhook ${String(state.webhookId)} no longer exists; it will be registered again`);
						clearWebhookState(state);
						return false;
					}
					throw asNodeError(this, error);
				}
				const events = normaliseEvents(this.getNodeParameter('events', []) as string[]);
				return (
					hook.url === this.getNodeWebhookUrl('default') && sameEvents(hook.events, events) && hook.is_enabled !== false
				);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const events = normaliseEvents(this.getNodeParameter('events', []) as string[]);
				if (!events.length) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
						description: 'Amiqus needs at least one event to subscribe the webhook to.',
					});
				}
				const state = this.getWorkflowStaticData('node') as WebhookState;

				if (state.webhookId !== undefined) {
					// A hook we registered before: fix it in place when it still points at us (other events,
					// disabled by Amiqus after repeated failures, or the secret was lost from static data).
					const path = `/webhooks/${encodeURIComponent(String(state.webhookId))}`;
					let existing: IDataObject | undefined;
					try {
						existing = (await amiqusRequest(this, 'GET', path)) as IDataObject;
					} catch (error) {
						if (!isNotFound(error)) throw asNodeError(this, error);
						this.logger.info(`Amiqus webhook ${String(state.webhookId)} no longer exists; registering a new one`);
						clearWebhookState(state);
					}
					if (existing && existing.url === url) {
						const updated = await amiqusRequest(this, 'PATCH', path, { body: { events, is_enabled: true } });
						storeWebhook(this, state, updated, 'update');
						return true;
					}
					if (existing) {
						// Registered for another URL (the other of test and production, or n8n's URL changed): leave it.
						this.logger.warn(
							`Amiqus webhook ${String(state.webhookId)} points at ${String(existing.url)}, not ${url}; registering a new one and leaving that one in place`,
						);
					}
				}

				const created = await amiqusRequest(this, 'POST', '/webhooks', { body: { url, events } });
				storeWebhook(this, state, created, 'create');
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				if (state.webhookId !== undefined) {
					try {
						await amiqusRequest(this, 'DELETE', `/webhooks/${encodeURIComponent(String(state.webhookId))}`);
					} catch (error) {
						// Already gone on the Amiqus side is the outcome we want; anything else must be seen.
						if (!isNotFound(error)) throw asNodeError(this, error);
						this.logger.info(`Amiqus webhook ${String(state.webhookId)} was already deleted`);
					}
				}
				clearWebhookState(state);
				forgetSeen(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as WebhookState;
		const headers = this.getHeaderData() as IDataObject;
		const raw = rawBodyOf(this);

		// Amiqus advises 404 for a bad signature, so the endpoint cannot be discovered (amiqus.md §7.3).
		const verdict = verifyHmacSignature({
			secret: state.webhookSecret,
			payload: raw,
			received: headerValue(headers, 'x-aqid-signature'),
			algorithm: 'sha256',
			encoding: 'base64',
		});
		if (!verdict.valid) {
			this.logger.warn(`Amiqus Trigger refused a delivery: ${verdict.reason}`);
			return refuseWebhook(this, 404, 'Not Found');
		}

		let parsed: unknown;
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			parsed = undefined;
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			return refuseWebhook(this, 400, 'The body is not a JSON object');
		}
		// Parsed from the exact bytes that were signed, and emitted untouched.
		const payload = parsed as IDataObject;

		const { event, triggeredAt } = describeDelivery(payload);
		// A test delivery from Amiqus: acknowledge it, start nothing.
		if (event === 'ping') return { webhookResponse: { received: true } };

		const subscribed = this.getNodeParameter('events', []) as string[];
		if (!eventMatches(subscribed, event)) return { webhookResponse: { received: true, ignored: event } };

		const deliveryId = headerValue(headers, 'x-aqid-delivery-id');
		// Amiqus redelivers the same delivery id after a timeout: emit it once.
		if (deliveryId && !firstTimeSeen(this, deliveryId)) {
			return { webhookResponse: { received: true, duplicate: true } };
		}

		const options = this.getNodeParameter('options', {}) as {
			fetchFullResource?: boolean;
			includeChecks?: boolean;
			includeHeaders?: boolean;
		};
		const attempt = Number(headerValue(headers, 'x-aqid-delivery-attempt'));
		const item: IDataObject = {
			event,
			deliveryId: deliveryId ?? null,
			attempt: Number.isFinite(attempt) && attempt > 0 ? attempt : null,
			triggeredAt,
			payload,
		};

		const recordId = resourceIdOf(payload, 'record');
		if (options.fetchFullResource) {
			const errors: IDataObject[] = [];
			for (const kind of resourcesToFetch(event)) {
				const id = resourceIdOf(payload, kind);
				if (id === undefined) continue;
				const { value, error } = await fetchResource(this, kind, id);
				if (value) item[kind] = value;
				if (error) {
					this.logger.warn(`Amiqus Trigger could not fetch ${kind} ${id}: ${String(error.message)}`);
					errors.push(error);
				}
			}
			if (item.record && recordId !== undefined && options.includeChecks) {
				const { value, error } = await fetchResource(this, 'steps', recordId);
				const steps = value && Array.isArray(value.data) ? (value.data as IDataObject[]) : undefined;
				if (steps) item.steps = steps;
				if (error) errors.push(error);
				item.verification = recordVerification(item.record as IDataObject, steps);
			} else if (item.record) {
				item.verification = recordVerification(item.record as IDataObject);
			}
			if (errors.length) item.fetchErrors = errors;
		}
		if (options.includeHeaders) item.headers = headers;

		return acceptDelivery(this, this.helpers.returnJsonArray([item]));
	}
}
