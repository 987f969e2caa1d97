import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
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
	refuseWebhook,
	startOfExecution,
} from '../shared/delivery';
import { isVerdictOnly, verdictOnlyProperty } from '../shared/personalData';
import { rawBodyOf, verifyHmacSignature } from '../shared/signature';
import {
	deliveryAge,
	deliveryItem,
	describeDelivery,
	headerValue,
	markerSeconds,
	parseSignedBody,
	simplifiedDelivery,
} from './trigger/delivery';
import { AMIQUS_EVENT_OPTIONS, eventMatches } from './trigger/events';
import { addFullResources } from './trigger/fullResource';
import type { WebhookState } from './trigger/registration';
import { checkWebhook, deleteWebhook, registerWebhook } from './trigger/registration';

export class AmiqusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amiqus Trigger',
		name: 'amiqusTrigger',
		icon: { light: 'file:amiqus.svg', dark: 'file:amiqus.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when Amiqus sends a signed webhook (records, clients, cases, forms)',
		defaults: { name: 'Amiqus Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amiqusApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'amiqusOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', path: 'webhook', ...ANSWER_WITH_WEBHOOK_RESPONSE },
		],
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
				noDataExpression: true,
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
				noDataExpression: true,
				options: AMIQUS_EVENT_OPTIONS,
				required: true,
				default: ['record.finished'],
				description:
					'The events that start the workflow. Amiqus is subscribed to exactly these; wildcards cover a whole group.',
			},
			{
				displayName:
					'Choose at least one event in Events: Amiqus subscribes the webhook to exactly the events chosen, so the workflow cannot be published without one.',
				name: 'noEventsNotice',
				type: 'notice',
				default: '',
				// Shown only while Events is empty: any chosen event hides it.
				displayOptions: { hide: { events: AMIQUS_EVENT_OPTIONS.map((option) => option.value) } },
			},
			verdictOnlyProperty,
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
						description:
							'Whether to add the HTTP headers of the delivery to the output as "headers" (never the signature)',
					},
					{
						displayName: 'Maximum Delivery Age (Minutes)',
						name: 'maxDeliveryAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						noDataExpression: true,
						default: 60,
						description:
							'Refuse deliveries whose signed trigger time ("triggered_at") is further than this from now, so an old signed delivery cannot be replayed. The default covers Amiqus\'s retries (up to 28 minutes after the first attempt); raise it to accept a manual resend of an older delivery. 0 turns the check off.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhook.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
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

		// Parsed from the exact bytes that were signed, and emitted untouched.
		const payload = parseSignedBody(raw);
		if (!payload) return refuseWebhook(this, 400, 'The body is not a JSON object');

		const { event, triggeredAt } = describeDelivery(payload);
		// A test delivery from Amiqus: acknowledge it, start nothing.
		if (event === 'ping') return { webhookResponse: { received: true } };

		const subscribed = this.getNodeParameter('events', []) as string[];
		if (!eventMatches(subscribed, event))
			return { webhookResponse: { received: true, ignored: event } };

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const age = deliveryAge(triggeredAt, options.maxDeliveryAgeMinutes);
		if (!age.ok) {
			this.logger.warn(`Amiqus Trigger refused a delivery: ${age.reason}`);
			return refuseWebhook(this, 400, `Refused: ${age.reason}`);
		}

		// The key is a digest of the signed body, never an unsigned header: a copy with another
		// X-AQID-Delivery-Id (or none) is the same delivery. Amiqus's retries send the same body.
		const item = deliveryItem(headers, payload, Boolean(options.includeHeaders));
		return acceptDelivery(this, deliveryKey(raw), markerSeconds(options.maxDeliveryAgeMinutes), [
			item,
		]);
	}

	/**
	 * The start of each execution: drops a delivery an earlier execution already ran, then, with
	 * Fetch Full Resource, reads the record or client. This runs after n8n has answered Amiqus,
	 * so a slow API cannot make the answer late; a failed read is reported in "fetchErrors".
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const items = startOfExecution(this, markerSeconds(options.maxDeliveryAgeMinutes));
		if (options.fetchFullResource) {
			for (const item of items)
				await addFullResources(this, item.json, options.includeChecks === true);
		}
		if (!isVerdictOnly(this)) return [items];
		return [items.map((item) => ({ ...item, json: simplifiedDelivery(item.json) }))];
	}
}
