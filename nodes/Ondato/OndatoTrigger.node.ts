import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { outOfBandWebhookMethods } from '../shared/redirect';
import { acceptDelivery, alreadySeen, firstTimeSeen, rawBodyOf, refuseWebhook, safeEqual, verifyHmacSignature } from '../shared/signature';
import { CREDENTIAL_TYPE, ondatoRequest } from './transport';
import { idvVerification, kybVerification, kycVerification } from './verdict';
import { answerTokenRequest, hasValidToken, refuseWithoutToken } from './webhookToken';

/** Every event type of Ondato's webhook docs (ondato.md §7.4), by group. */
const EVENTS: Array<{ name: string; value: string; description: string }> = [
	{ name: 'Document Signing Signed', value: 'Identification.DocumentSigning.Signed', description: 'A document was signed' },
	{ name: 'Form Completed', value: 'Form.Completed', description: 'A form step was completed' },
	{ name: 'Form Created', value: 'Form.Created', description: 'A form step started' },
	{ name: 'Form Updated', value: 'Form.Updated', description: 'A form was updated' },
	{ name: 'Identity Verification Consented', value: 'IdentityVerification.Consented', description: 'The person accepted the consent screen (older docs: Idv.Consented)' },
	{ name: 'Identity Verification Status Changed', value: 'IdentityVerification.StatusChanged', description: 'The session status changed, e.g. to Completed (older docs: Idv.StatusChanged)' },
	{ name: 'KYB Document Created', value: 'KybIdentification.Document.Created', description: 'A KYB document was created' },
	{ name: 'KYB Document Deleted', value: 'KybIdentification.Document.Deleted', description: 'A KYB document was deleted' },
	{ name: 'KYB Document Updated', value: 'KybIdentification.Document.Updated', description: 'A KYB document was updated' },
	{ name: 'KYB Document Uploaded', value: 'KybIdentification.Document.Uploaded', description: 'A KYB document was uploaded' },
	{ name: 'KYB Identification Approved', value: 'KybIdentification.Approved', description: 'A KYB identification was approved' },
	{ name: 'KYB Identification Created', value: 'KybIdentification.Created', description: 'A KYB identification started' },
	{ name: 'KYB Identification Rejected', value: 'KybIdentification.Rejected', description: 'A KYB identification was rejected' },
	{ name: 'KYC Identification Approved', value: 'KycIdentification.Approved', description: 'Approved automatically or by a reviewer' },
	{ name: 'KYC Identification Created', value: 'KycIdentification.Created', description: 'The KYC step started' },
	{ name: 'KYC Identification Processed', value: 'KycIdentification.Processed', description: 'The person completed the KYC step' },
	{ name: 'KYC Identification Rejected', value: 'KycIdentification.Rejected', description: 'The KYC identification was rejected' },
	{ name: 'KYC Identification Updated', value: 'KycIdentification.Updated', description: 'Data was edited in the Ondato portal' },
];

/** Older docs name the IDV events Idv.*; they are the same events. */
function normalizeEventType(type: string): string {
	return type.startsWith('Idv.') ? `IdentityVerification.${type.slice(4)}` : type;
}

/** The envelope with camelCase keys, whatever casing Ondato used (both occur, ondato.md §7.3). */
function parseEnvelope(body: unknown): IDataObject | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const byLowerKey = new Map<string, unknown>();
	for (const [key, value] of Object.entries(body as IDataObject)) byLowerKey.set(key.toLowerCase(), value);
	const pick = (key: string) => byLowerKey.get(key.toLowerCase());
	const id = pick('id');
	const type = pick('type');
	const payload = pick('payload');
	if (typeof id !== 'string' || !id || typeof type !== 'string' || !type) return undefined;
	if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
	return {
		id,
		type,
		event: normalizeEventType(type),
		applicationId: (pick('applicationId') as string) ?? null,
		createdUtc: (pick('createdUtc') as string) ?? null,
		deliveredUtc: (pick('deliveredUtc') as string) ?? null,
		isDelivered: (pick('isDelivered') as boolean) ?? null,
		payload: payload as IDataObject,
	};
}

/** Parses `t=<unix seconds>, s=<hex>` (the third-party description of Ondato's HMAC header). */
function parseSignatureHeader(value: string): { t?: string; s?: string } {
	const out: { t?: string; s?: string } = {};
	for (const part of value.split(',')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === 't' || key === 's') out[key] = rest.join('=').trim();
	}
	return out;
}

export class OndatoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ondato Trigger',
		name: 'ondatoTrigger',
		icon: { light: 'file:ondato.svg', dark: 'file:ondato.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Ondato sends a webhook (identity verification, KYC, KYB or form events)',
		defaults: { name: 'Ondato Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ondatoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			// The token URL of the OAuth2 delivery mode; it refuses everything in the other modes.
			{ name: 'setup', httpMethod: 'POST', responseMode: 'onReceived', path: 'token' },
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
				options: [{ name: 'All Events', value: '*', description: 'Any event Ondato sends' }, ...EVENTS],
				default: ['*'],
				required: true,
				description: 'Deliveries of other events are acknowledged and start no execution',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Basic Auth',
						value: 'basicAuth',
						description: 'HTTP Basic with the Webhook Username and Webhook Password of the credential (documented by Ondato)',
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
				description: 'How deliveries prove they come from Ondato. Anything that fails is refused with 401 and starts no execution.',
			},
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
						description: 'How long a token issued at the token URL is accepted (expires_in of the answer)',
						displayOptions: { show: { '/authentication': ['oAuth2'] } },
					},
					{
						displayName: 'Signature Header',
						name: 'signatureHeader',
						type: 'string',
						default: 'Ondato-Signature',
						description:
							'Header carrying "t=UNIX-SECONDS, s=HEX" where HEX is the HMAC-SHA256 of "UNIX-SECONDS.BODY". Both the name and the format come from a third-party integration, not from Ondato\'s docs.',
						displayOptions: { show: { '/authentication': ['hmac', 'basicAuthAndHmac'] } },
					},
					{
						displayName: 'Signature Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 90000,
						description: 'Refuse signed timestamps further than this from now. The default (25 hours) covers Ondato\'s 24-hour retry period.',
						displayOptions: { show: { '/authentication': ['hmac', 'basicAuthAndHmac'] } },
					},
				],
			},
		],
	};

	// Ondato has no webhook API (its support registers the URL): activation changes nothing remotely.
	webhookMethods = { ...outOfBandWebhookMethods, setup: outOfBandWebhookMethods.default };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const authentication = this.getNodeParameter('authentication', 'basicAuth') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const req = this.getRequestObject();

		if (this.getWebhookName() === 'setup') {
			if (authentication !== 'oAuth2') return refuseWebhook(this, 404, 'Not found');
			return answerTokenRequest(this, credentials, Number(options.tokenLifetimeSeconds ?? 3600));
		}
		if (authentication === 'oAuth2' && !hasValidToken(this, credentials)) return refuseWithoutToken(this);

		if (authentication === 'basicAuth' || authentication === 'basicAuthAndHmac') {
			const username = String(credentials.webhookUsername ?? '');
			const password = String(credentials.webhookPassword ?? '');
			const match = /^Basic\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
			const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
			const colon = decoded.indexOf(':');
			const okUser = colon >= 0 && safeEqual(decoded.slice(0, colon), username);
			const okPassword = colon >= 0 && safeEqual(decoded.slice(colon + 1), password);
			if (!username || !password || !okUser || !okPassword) {
				this.getResponseObject().set('WWW-Authenticate', 'Basic realm="Ondato webhook"');
				return refuseWebhook(this, 401, 'Unauthorized');
			}
		}
		if (authentication === 'hmac' || authentication === 'basicAuthAndHmac') {
			const headerName = String(options.signatureHeader || 'Ondato-Signature').toLowerCase();
			const header = req.headers[headerName];
			const { t, s } = parseSignatureHeader(Array.isArray(header) ? header[0] : String(header ?? ''));
			const verdict = verifyHmacSignature({
				secret: String(credentials.webhookSigningSecret ?? '') || undefined,
				payload: Buffer.concat([Buffer.from(`${t ?? ''}.`, 'utf8'), rawBodyOf(this)]),
				received: s,
				encoding: 'hex',
				timestamp: t,
				toleranceSeconds: Number(options.toleranceSeconds ?? 90000),
			});
			if (!verdict.valid) return refuseWebhook(this, 401, 'Unauthorized');
		}

		const envelope = parseEnvelope(this.getBodyData());
		if (!envelope) return refuseWebhook(this, 400, 'Not an Ondato webhook envelope (id, type and payload are required)');

		const events = this.getNodeParameter('events', ['*']) as string[];
		if (!events.includes('*') && !events.includes(envelope.event as string)) {
			return { webhookResponse: { received: true } };
		}
		if (alreadySeen(this, envelope.id as string)) return { webhookResponse: { received: true, duplicate: true } };

		const event = envelope.event as string;
		const payload = envelope.payload as IDataObject;
		let resource: IDataObject | undefined;
		let kyc: IDataObject | undefined;
		if (options.fetchCurrentState && typeof payload.id === 'string') {
			try {
				if (event.startsWith('IdentityVerification.')) {
					resource = (await ondatoRequest(this, 'idv', 'GET', `/v1/identity-verifications/${encodeURIComponent(payload.id)}`)) as IDataObject;
					const kycId = (((resource.step ?? {}) as IDataObject).kycIdentification as IDataObject | undefined)?.id;
					if (resource.status === 'Completed' && typeof kycId === 'string') {
						kyc = (await ondatoRequest(this, 'kyc', 'GET', `/v1/identifications/${encodeURIComponent(kycId)}`)) as IDataObject;
					}
				} else if (event.startsWith('KycIdentification.')) {
					resource = (await ondatoRequest(this, 'kyc', 'GET', `/v1/identifications/${encodeURIComponent(payload.id)}`)) as IDataObject;
				}
			} catch {
				// Ondato retries a delivery that is not acknowledged, so nothing is lost.
				return refuseWebhook(this, 503, 'The current state could not be read from Ondato; retry later');
			}
		}
		// Two copies may arrive at once: only the first one to get here starts an execution.
		if (!firstTimeSeen(this, envelope.id as string)) return { webhookResponse: { received: true, duplicate: true } };

		const state = resource ?? payload;
		const output: IDataObject = { ...envelope };
		if (resource) output.currentState = resource;
		if (kyc) output.kycIdentification = kyc;
		if (event.startsWith('IdentityVerification.')) output.verification = idvVerification(state, kyc) as unknown as IDataObject;
		else if (event.startsWith('KycIdentification.')) output.verification = kycVerification(state) as unknown as IDataObject;
		else if (event.startsWith('KybIdentification.') && !event.startsWith('KybIdentification.Document.')) {
			output.verification = kybVerification(state) as unknown as IDataObject;
		}
		return acceptDelivery(this, this.helpers.returnJsonArray([output]));
	}
}
