import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { DEFAULT_IDV_PATH, NEVIS_HOST_SUFFIX } from '../nodes/Nevis/transport/hosts';
import { bearerAuthenticate, failureRules } from '../nodes/shared/auth';

export class NevisApi implements ICredentialType {
	name = 'nevisApi';

	displayName = 'Nevis Authentication Cloud API';

	icon = {
		light: 'file:../nodes/Nevis/nevis.svg',
		dark: 'file:../nodes/Nevis/nevis.dark.svg',
	} as const;

	documentationUrl = 'https://docs.nevis.net/authcloud/identity-verification/integration-guide';

	properties: INodeProperties[] = [
		{
			displayName:
				'Fill in the Instance ID and the Access Key. Base URL replaces the Instance ID only for another host (e.g. the local provider sandbox); leave it empty otherwise.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Instance ID',
			name: 'instanceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. sandbox-int-6c',
			description:
				'Needed unless Base URL is set. Your Authentication Cloud instance: the first part of https://{instance}.mauth.nevis.cloud.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://sandbox-int-6c.mauth.nevis.cloud',
			description:
				'Leave empty to use the Instance ID. Set it only for another host (e.g. the local provider sandbox); it replaces the Instance ID. Nevis documents no separate test host: a test setup is another instance.',
		},
		{
			displayName: 'Access Key',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access key of a custom integration, created in the Management Console (Custom Integrations or Access keys). Sent as a Bearer token; it gives complete access to the instance.',
		},
		{
			displayName: 'Identity Verification Path',
			name: 'idvPath',
			type: 'string',
			default: DEFAULT_IDV_PATH,
			description:
				'Nevis documents only "the idverification/sessions endpoint". Its full path is not documented; the default follows the /api/v1/ prefix of the other Authentication Cloud endpoints. Change it if Nevis gives you another path.',
		},
		{
			displayName: 'Session Lookup',
			name: 'sessionLookup',
			type: 'options',
			options: [
				{ name: 'Path ({path}/{sessionId})', value: 'path' },
				{ name: 'Query Parameter ({path}?sessionId=…)', value: 'query' },
			],
			default: 'path',
			description:
				'How a GET names the session. Nevis documents GET on the idverification/sessions endpoint but not whether the ID goes in the path or the query.',
		},
		{
			displayName: 'Session Query Parameter',
			name: 'sessionQueryParameter',
			type: 'string',
			default: 'sessionId',
			displayOptions: { show: { sessionLookup: ['query'] } },
			description:
				'The name of the query parameter carrying the session ID (not documented by Nevis)',
		},
	];

	// Plain code rather than a generic expression: no expression evaluation per request.
	authenticate = bearerAuthenticate('accessToken');

	// GET /ping is not documented to refuse a wrong key. Starting a session is the documented call
	// that needs the access key; the session is never opened and stays pending until it times out.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.baseUrl ? String($credentials.baseUrl).replace(/\\/+$/, "") : "https://" + $credentials.instanceId + "${NEVIS_HOST_SUFFIX}"}}`,
			url: `={{"/" + String($credentials.idvPath || "${DEFAULT_IDV_PATH}").trim().replace(/^\\/+|\\/+$/g, "")}}`,
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			// A string: n8n drops an empty object body.
			body: '{}',
		},
		rules: failureRules({
			401: 'Nevis refused the access key (HTTP 401). Check "Access Key" (Nevis Portal › Access keys).',
			403: 'Nevis answered 403: the access key may not use this instance. Check "Access Key" and "Instance ID".',
			404: 'No Nevis instance answered at this address (HTTP 404). Check "Instance ID" (or "Base URL", which replaces it).',
		}),
	};
}
