import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { ONDATO_HOSTS, ondatoHosts } from '../nodes/Ondato/transport/hosts';
import { requestToken, tokenOwner } from '../nodes/Ondato/transport/token';
import { sharedToken } from '../nodes/shared/sharedToken';
import { failureRules } from '../nodes/shared/auth';

const overrideHint = 'Leave empty to use the host of the chosen environment.';

export class OndatoApi implements ICredentialType {
	name = 'ondatoApi';

	displayName = 'Ondato API';

	icon = {
		light: 'file:../nodes/Ondato/ondato.svg',
		dark: 'file:../nodes/Ondato/ondato.dark.svg',
	} as const;

	documentationUrl = 'https://ondato.atlassian.net/wiki/spaces/PUB/pages/2320990304';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			default: 'production',
			description:
				'Ondato issues separate client credentials for each environment. Sandbox sessions are deleted after 7 days.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. app.ondato.company.1a2b3c',
			description: 'The OAuth2 client ID Ondato issued for your application',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			placeholder: 'e.g. idv_api kyc_identifications_api',
			description:
				'Space-separated scopes to ask for. Ondato documents that an empty scope gives the token every scope assigned to the client; the scope names themselves are not in the official docs.',
		},
		{
			displayName: 'Webhook Username',
			name: 'webhookUsername',
			type: 'string',
			default: '',
			description:
				'Used by the Ondato Trigger: the HTTP Basic username you give Ondato support when they register your webhook URL',
		},
		{
			displayName: 'Webhook Password',
			name: 'webhookPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by the Ondato Trigger: the HTTP Basic password Ondato sends with every delivery',
		},
		{
			displayName: 'Webhook OAuth2 Client ID',
			name: 'webhookClientId',
			type: 'string',
			default: '',
			description:
				"Only for the Ondato Trigger's OAuth2 authentication: a client ID you choose and give Ondato support, with the secret below and the trigger's token URL. Ondato gets a token there and sends it with every delivery.",
		},
		{
			displayName: 'Webhook OAuth2 Client Secret',
			name: 'webhookClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the Ondato Trigger's OAuth2 authentication: the client secret you give Ondato support (a long random value)",
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Ondato Trigger\'s optional HMAC check. Ondato lists HMAC as a delivery option, but the header format is not in the official docs (a third-party integration uses "Ondato-Signature: t=..., s=...").',
		},
		{
			displayName: 'Custom Hosts',
			name: 'customHosts',
			type: 'boolean',
			default: false,
			description:
				"Whether to use other hosts than Ondato's for the chosen environment (e.g. a white-label domain or the local provider sandbox)",
		},
		{
			displayName: 'Token URL',
			name: 'customTokenUrl',
			type: 'string',
			displayOptions: { show: { customHosts: [true] } },
			default: '',
			placeholder: 'e.g. https://id.ondato.com/connect/token',
			description: `The OAuth2 token endpoint. ${overrideHint}`,
		},
		{
			displayName: 'IDV API URL',
			name: 'customIdvApiUrl',
			type: 'string',
			displayOptions: { show: { customHosts: [true] } },
			default: '',
			placeholder: 'e.g. https://idvapi.ondato.com',
			description: `Root of the IDV API (identity verifications and setups). ${overrideHint}`,
		},
		{
			displayName: 'KYC API URL',
			name: 'customKycApiUrl',
			type: 'string',
			displayOptions: { show: { customHosts: [true] } },
			default: '',
			placeholder: 'e.g. https://kycid.ondato.com',
			description: `Root of the KYC Identifications API. The sandbox host (sandbox-kycid.ondato.com) is not confirmed by Ondato's docs. ${overrideHint}`,
		},
		{
			displayName: 'Face Authentication API URL',
			name: 'customFaceAuthApiUrl',
			type: 'string',
			displayOptions: { show: { customHosts: [true] } },
			default: '',
			placeholder: 'e.g. https://idvapi.ondato.com',
			description: `Root of the Face Authentication API, which Ondato documents as a separate API without naming its host (unconfirmed). Empty means the IDV API URL, an assumption: set the host Ondato gives you. ${overrideHint}`,
		},
		{
			displayName: 'Hosted Flow URL',
			name: 'customHostedFlowUrl',
			type: 'string',
			displayOptions: { show: { customHosts: [true] } },
			default: '',
			placeholder: 'e.g. https://idv.ondato.com',
			description: `Where people complete a verification: the link is this URL followed by /?id={ID}. ${overrideHint}`,
		},
		// Host overrides of credentials saved before the Custom Hosts switch: still applied, never shown.
		{ displayName: 'Token URL', name: 'tokenUrl', type: 'hidden', default: '' },
		{ displayName: 'IDV API URL', name: 'idvApiUrl', type: 'hidden', default: '' },
		{ displayName: 'KYC API URL', name: 'kycApiUrl', type: 'hidden', default: '' },
		{
			displayName: 'Face Authentication API URL',
			name: 'faceAuthApiUrl',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Hosted Flow URL', name: 'hostedFlowUrl', type: 'hidden', default: '' },
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// Fetches a client-credentials token once; n8n stores it and calls this again only when
	// the field is empty or an API call answers 401 (expired or revoked token). Executions running
	// at the same time in one process share one new token (sharedToken).
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const scope = typeof credentials.scope === 'string' ? credentials.scope.trim() : '';
		const key = [
			ondatoHosts(credentials).tokenUrl,
			String(credentials.clientId ?? ''),
			String(credentials.clientSecret ?? ''),
			scope,
		];
		return {
			accessToken: await sharedToken(key, credentials.accessToken, async () => {
				const fetched = await requestToken(this, credentials);
				// Stored with a digest of the values it was fetched with: sent only while they match.
				return { ...fetched, token: `${tokenOwner(credentials)}:${fetched.token}` };
			}),
		};
	}

	// Plain code rather than a generic expression: no expression evaluation per request.
	// n8n fetches a token only when the stored one is empty or an API call answers 401, and its
	// credential test reuses the stored token. So a token is stored with a digest of the values
	// it was fetched with and sent only while they are unchanged: otherwise Ondato answers 401
	// and n8n fetches a new token with the values in use (those on the form, when testing).
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) => {
		const stored = String(credentials.accessToken ?? '');
		const owner = `${tokenOwner(credentials)}:`;
		const token = stored.startsWith(owner) ? stored.slice(owner.length) : '';
		const headers = { ...requestOptions.headers };
		if (token) headers.Authorization = `Bearer ${token}`;
		else delete headers.Authorization;
		requestOptions.headers = headers;
		return requestOptions;
	};

	// Getting a token proves the client ID and secret; listing one setup proves the IDV API accepts it.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{(($credentials.customHosts && $credentials.customIdvApiUrl) || $credentials.idvApiUrl || ($credentials.environment === "sandbox" ? "${ONDATO_HOSTS.sandbox.idvApiUrl}" : "${ONDATO_HOSTS.production.idvApiUrl}")).trim().replace(/\\/+$/, "")}}`,
			url: '/v1/identity-verification-setups/filter',
			method: 'POST',
			qs: { limit: 1 },
			headers: { 'Content-Type': 'application/json' },
			// A string: n8n drops an empty object body, and the filter endpoints expect a JSON object.
			body: '{}',
		},
		rules: failureRules({
			403: 'Ondato answered 403: the token does not give access to the IDV API. Check "Scope" (empty asks for every scope of the client).',
			404: 'No Ondato IDV API answered at this address (HTTP 404). Check "Environment" (or the IDV API URL under "Custom Hosts").',
		}),
	};
}
