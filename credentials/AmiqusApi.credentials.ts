import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { AMIQUS_API_URL } from '../nodes/Amiqus/transport/hosts';
import { bearerAuthenticate, failureRules } from '../nodes/shared/auth';

export class AmiqusApi implements ICredentialType {
	name = 'amiqusApi';

	displayName = 'Amiqus API';

	icon = {
		light: 'file:../nodes/Amiqus/amiqus.svg',
		dark: 'file:../nodes/Amiqus/amiqus.dark.svg',
	} as const;

	documentationUrl = 'https://developers.amiqus.co/guides/auth/personal-access-token.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in Amiqus under Developer Settings → Personal access tokens. It is shown once and expires after one year.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: AMIQUS_API_URL,
			description:
				'The Amiqus REST API v2 root. Change it only to use another Amiqus host or the local provider sandbox.',
		},
	];

	// Plain code rather than a generic expression: no expression evaluation per request.
	authenticate = bearerAuthenticate('accessToken');

	// GET /status answers 204 for a valid token and 401 otherwise, and costs nothing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/status',
			method: 'GET',
		},
		rules: failureRules({
			401: 'Amiqus answered 401 "Unauthenticated": the token is wrong, expired (tokens last one year) or revoked. Check "Personal Access Token".',
			403: 'Amiqus answered 403: the token\'s user may not use the API. Check "Personal Access Token" and the permissions of its user.',
			404: `No Amiqus API answered at this address (HTTP 404). Check "Base URL" (${AMIQUS_API_URL}).`,
		}),
	};
}
