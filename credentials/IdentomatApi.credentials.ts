import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { IDENTOMAT_HOST } from '../nodes/Identomat/transport/hosts';
import { signRequest } from '../nodes/Identomat/transport/signing';
import { failureRules } from '../nodes/shared/auth';

export class IdentomatApi implements ICredentialType {
	name = 'identomatApi';

	displayName = 'Identomat API';

	icon = {
		light: 'file:../nodes/Identomat/identomat.svg',
		dark: 'file:../nodes/Identomat/identomat.dark.svg',
	} as const;

	documentationUrl = 'https://docs.identomat.com/get-started/api-access';

	properties: INodeProperties[] = [
		{
			displayName: 'Company Key',
			name: 'companyApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Generated in the Identomat dashboard under Settings → Integration → API. It is shown once. It is sent in the body of every request, as Identomat requires.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional HMAC secret that comes with an HMAC company key. When set, every request carries Authorization: signature="…" (HMAC-SHA256 of the body, base64) and every successful response must carry a valid signature, or the node stops with an error.',
		},
		{
			displayName: 'Callback API Key',
			name: 'callbackApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The Callback API key set in the Identomat company settings. Only the Identomat Trigger uses it: callbacks whose callbackApiKey differs are refused.',
		},
		{
			displayName: 'Request Encoding',
			name: 'encoding',
			type: 'options',
			options: [
				{ name: 'Form (URL-Encoded)', value: 'form' },
				{ name: 'JSON (Recommended)', value: 'json' },
				{ name: 'Multipart Form', value: 'multipart' },
				{ name: 'Query String', value: 'query' },
			],
			default: 'json',
			description:
				'How parameters are sent. Identomat accepts all four and recommends JSON. In the other encodings, flags and steps are sent as JSON strings.',
		},
		{
			displayName: 'Multipart Signature',
			name: 'multipartSigning',
			type: 'options',
			options: [
				{ name: 'Chained Over Part Values', value: 'parts' },
				{ name: 'Whole Body', value: 'body' },
			],
			default: 'parts',
			displayOptions: { show: { encoding: ['multipart'] } },
			description:
				'Identomat documents a chained HMAC over the parts of a multipart request (text parts first). It does not say whether a part means its value or its value with headers; this node uses the values unless set to Whole Body.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: IDENTOMAT_HOST,
			description:
				'The Identomat host, for the API (/external-api/...) and the widget (/?session_token=...). Change it only for the local provider sandbox.',
		},
	];

	authenticate = signRequest;

	// Identomat has no no-op endpoint. begin/ is the call Identomat's own example app uses to
	// detect a bad key ("COMPANY_KEY_INVALID"); a valid key only gets a session token that nobody
	// opens and that expires after 15 minutes (whether that is billed is not documented).
	// The HTTP status of COMPANY_KEY_INVALID is not documented either: a non-2xx fails the test
	// anyway; a 200 with the bare JSON string is caught by the rule below (n8n's tester reads the
	// string as the item, whose `length` is that of "COMPANY_KEY_INVALID"; a token has 40).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/external-api/begin/',
			method: 'POST',
			body: { flags: { skip_face: true, skip_document: true } },
		},
		// Mixed rules: n8n checks each by its type, although the type declares one kind per list.
		rules: [
			...failureRules({
				400: 'Identomat answered COMPANY_KEY_INVALID (HTTP 400): the key is not one of a company. Check "Company Key".',
				401: 'Identomat refused the request signature (HTTP 401). Check "Secret Key": it must be the company\'s HMAC secret, or empty if the company has none.',
				404: 'No Identomat API answered at this address (HTTP 404). Check "Base URL".',
			}),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'length',
					value: 'COMPANY_KEY_INVALID'.length,
					message:
						'Identomat answered COMPANY_KEY_INVALID: the key is not one of a company. Check "Company Key".',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
