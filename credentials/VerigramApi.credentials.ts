import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_HOST, VERIGRAM_HOSTS } from '../nodes/Verigram/transport/hosts';
import { signRequest } from '../nodes/Verigram/transport/signing';
import { failureRules } from '../nodes/shared/auth';

export class VerigramApi implements ICredentialType {
	name = 'verigramApi';

	displayName = 'Verigram API';

	icon = {
		light: 'file:../nodes/Verigram/verigram.svg',
		dark: 'file:../nodes/Verigram/verigram.dark.svg',
	} as const;

	documentationUrl = 'https://support.verigram.ai/docs/getting-started/quickstart';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A test or production API key from the Verigram Console. Test keys are rate-limited and must not be used in production.',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for production keys, which Verigram issues with a secret. When set, every request is signed with X-Verigram-Ts and X-Verigram-Hmac-SHA256 (lowercase hex HMAC-SHA256 of the timestamp followed by the path and query). Verigram documents that production keys have a secret; the signing scheme itself comes from public integrations, not from Verigram's documents. Leave empty for test keys.",
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2.0',
			description:
				'Sent as X-Verigram-Api-Version. The quickstart sends 2.0; one public integration sends 2.0.0 for Flow calls.',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'options',
			options: [
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another host, or the local provider sandbox',
				},
				...VERIGRAM_HOSTS.map((host) => ({ name: host.replace('https://', ''), value: host })),
			],
			default: DEFAULT_HOST,
			description:
				"Verigram's quickstart gives no hostname. The first two hosts are the servers of Verigram's OpenAPI document, the third the host public integrations use. Verigram does not document which is for test and which for production keys: use the host Verigram gave you.",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://services.verigram.cloud',
			required: true,
			displayOptions: { show: { host: ['custom'] } },
			description:
				'The API root, without a trailing path. Requests go to <Base URL>/flow and <Base URL>/resources/....',
		},
	];

	// Plain code: the key and version, and with a secret the signature (transport/signing.ts).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await signRequest(credentials, requestOptions);
	}

	// Verigram documents no "who am I" route. Creating a flow is the documented call (quickstart, with a
	// test key; production keys sign it) whose success means the key, version and signature work; the
	// flow is never opened. The legacy access-token route is called by public code with production keys only.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.host === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.host}}',
			url: '/flow',
			method: 'POST',
			body: {
				callback_url: 'https://example.com/n8n-credential-test',
				person_id: 'n8n-credential-test',
				locale: 'en',
			},
		},
		rules: failureRules({
			401: 'Verigram refused the API key (HTTP 401). Check "API Key", and that "Host" is the one the key was issued for.',
			403: 'Verigram refused the request (HTTP 403): a production key signs every request with its secret, and the signature did not match. Check "API Secret".',
			404: 'No Verigram API answered at this address (HTTP 404). Check "Host" (or "Base URL") and "API Version".',
		}),
	};
}
