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

import { isSafePathSegment } from '../shared/ids';
import { finiteNumber } from '../shared/numbers';
import { deliveryKey } from '../shared/dedup';
import {
	acceptDelivery,
	ANSWER_WITH_WEBHOOK_RESPONSE,
	knownDelivery,
	outOfBandWebhookMethods,
	refuseWebhook,
	startOfExecution,
} from '../shared/delivery';
import { verdictOnlyProperty } from '../shared/personalData';
import { CREDENTIAL_TYPE } from './transport';
import {
	authenticationChecks,
	DEFAULT_TOLERANCE_SECONDS,
	hasBasicAuth,
	hasValidSignature,
} from './trigger/authentication';
import { deliveryItem, hasCurrentState, readCurrentState } from './trigger/delivery';
import { parseEnvelope } from './trigger/envelope';
import { ONDATO_EVENT_OPTIONS } from './trigger/events';
import { answerTokenRequest, hasValidToken, refuseWithoutToken } from './trigger/webhookToken';

/** Ondato retries a delivery for 24 hours: an envelope id is remembered a little longer. */
const MARKER_SECONDS = 25 * 3600;

export class OndatoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ondato Trigger',
		name: 'ondatoTrigger',
		icon: { light: 'file:ondato.svg', dark: 'file:ondato.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Ondato sends a webhook (identity verification, KYC, KYB or form events)',
		defaults: { name: 'Ondato Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ondatoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', path: 'webhook', ...ANSWER_WITH_WEBHOOK_RESPONSE },
			// The token URL of the OAuth2 delivery mode; it refuses everything in the other modes.
			{ name: 'setup', httpMethod: 'POST', path: 'token', ...ANSWER_WITH_WEBHOOK_RESPONSE },
		],
		properties: [
			{
				displayName:
					'Ondato registers webhook URLs itself: there is no API for it. Send the Production URL of this node (above) and the events you need to Ondato support (or enter them in the Ondato OS dashboard if your account offers it), with HTTP Basic authentication and the Webhook Username and Webhook Password of the credential. Publishing this workflow changes nothing at Ondato.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				noDataExpression: true,
				options: [
					{ name: 'All Events', value: '*', description: 'Any event Ondato sends' },
					...ONDATO_EVENT_OPTIONS,
				],
				default: ['*'],
				required: true,
				description: 'Deliveries of other events are acknowledged and start no execution',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Basic Auth',
						value: 'basicAuth',
						description:
							'HTTP Basic with the Webhook Username and Webhook Password of the credential (documented by Ondato)',
					},
					{
						name: 'Basic Auth and HMAC Signature',
						value: 'basicAuthAndHmac',
						description: 'Both checks must pass',
					},
					{
						name: 'HMAC Signature',
						value: 'hmac',
						description:
							'HMAC-SHA256 with the Webhook Signing Secret. Ondato offers HMAC, but the header format is not in its official docs: this follows a third-party description.',
					},
					{
						name: 'OAuth2',
						value: 'oAuth2',
						description:
							"Documented by Ondato: give Ondato support the Webhook OAuth2 Client ID and Secret of the credential and this node's token URL (the Production URL ending in /token). Ondato gets a token there and sends it as a Bearer token with every delivery.",
					},
				],
				default: 'basicAuth',
				description:
					'How deliveries prove they come from Ondato. Anything that fails is refused with 401 and starts no execution.',
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
						displayName: 'Fetch Current State',
						name: 'fetchCurrentState',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the identity verification or KYC identification from the API instead of trusting the payload, since deliveries can arrive late and out of order. Other events are emitted as received.',
					},
					{
						displayName: 'Token Lifetime (Seconds)',
						name: 'tokenLifetimeSeconds',
						type: 'number',
						typeOptions: { minValue: 60 },
						default: 3600,
						description:
							'How long a token issued at the token URL is accepted (expires_in of the answer)',
						displayOptions: { show: { '/authentication': ['oAuth2'] } },
					},
					{
						displayName: 'Signature Header',
						name: 'signatureHeader',
						type: 'string',
						noDataExpression: true,
						default: 'Ondato-Signature',
						description:
							'Header carrying "t=UNIX-SECONDS, s=HEX" where HEX is the HMAC-SHA256 of "UNIX-SECONDS.BODY". Both the name and the format come from a third-party integration, not from Ondato\'s docs.',
						displayOptions: { show: { '/authentication': ['hmac', 'basicAuthAndHmac'] } },
					},
					{
						displayName: 'Signature Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						noDataExpression: true,
						typeOptions: { minValue: 1 },
						default: DEFAULT_TOLERANCE_SECONDS,
						description:
							"Refuse signed timestamps further than this from now. The default (25 hours) covers Ondato's 24-hour retry period.",
						displayOptions: { show: { '/authentication': ['hmac', 'basicAuthAndHmac'] } },
					},
				],
			},
		],
	};

	// Ondato has no webhook API (its support registers the URL): activation changes nothing remotely.
	webhookMethods = { ...outOfBandWebhookMethods, setup: outOfBandWebhookMethods.default };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const checks = authenticationChecks(this);
		if (checks.length === 0) return refuseWebhook(this, 401, 'Unauthorized');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);

		if (this.getWebhookName() === 'setup') {
			if (!checks.includes('oAuth2')) return refuseWebhook(this, 404, 'Not found');
			return answerTokenRequest(
				this,
				credentials,
				finiteNumber(options.tokenLifetimeSeconds, 3600, { min: 60, max: 86400 }),
			);
		}
		if (checks.includes('oAuth2') && !hasValidToken(this, credentials))
			return refuseWithoutToken(this);

		if (checks.includes('basic') && !hasBasicAuth(this, credentials)) {
			this.getResponseObject().set('WWW-Authenticate', 'Basic realm="Ondato webhook"');
			return refuseWebhook(this, 401, 'Unauthorized');
		}
		if (checks.includes('hmac') && !hasValidSignature(this, credentials, options))
			return refuseWebhook(this, 401, 'Unauthorized');

		const envelope = parseEnvelope(this.getBodyData());
		if (!envelope)
			return refuseWebhook(
				this,
				400,
				'Not an Ondato webhook envelope (id, type and payload are required)',
			);

		const chosen = this.getNodeParameter('events', ['*']);
		const events = Array.isArray(chosen) ? chosen : [];
		if (!events.includes('*') && !events.includes(envelope.event as string)) {
			return { webhookResponse: { received: true } };
		}
		const key = deliveryKey(envelope.id as string);
		// A copy already run or in flight is answered before the current state is read.
		const known = knownDelivery(this, key);
		if (known) return known;

		const event = envelope.event as string;
		const payloadId = (envelope.payload as IDataObject).id;
		const fetches =
			options.fetchCurrentState && hasCurrentState(event) && typeof payloadId === 'string';
		// The id goes into a URL path: `..` or a `/` could move the request elsewhere.
		if (fetches && !isSafePathSegment(payloadId))
			return refuseWebhook(this, 400, 'The payload id is not a valid Ondato id');
		let current = {};
		try {
			if (fetches) current = await readCurrentState(this, event, payloadId);
		} catch {
			// Ondato retries a delivery that is not acknowledged, so nothing is lost.
			return refuseWebhook(
				this,
				503,
				'The current state could not be read from Ondato; retry later',
			);
		}
		// Two copies may arrive at once: only the first one to get here starts an execution.
		const item = deliveryItem(this, envelope, current);
		return acceptDelivery(this, key, MARKER_SECONDS, [item]);
	}

	/** The start of each execution: drops an envelope an earlier execution already ran. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [startOfExecution(this, MARKER_SECONDS)];
	}
}
