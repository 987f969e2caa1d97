import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	AMIQUS_API_URL,
	AMIQUS_AUTHORIZE_URL,
	AMIQUS_TOKEN_URL,
} from '../nodes/Amiqus/transport/hosts';
import { failureRules } from '../nodes/shared/auth';

export class AmiqusOAuth2Api implements ICredentialType {
	name = 'amiqusOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Amiqus OAuth2 API';

	icon = {
		light: 'file:../nodes/Amiqus/amiqus.svg',
		dark: 'file:../nodes/Amiqus/amiqus.dark.svg',
	} as const;

	documentationUrl = 'https://developers.amiqus.co/guides/auth/oauth.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			// Fixed, as in n8n's own OAuth2 credentials (a stored value, e.g. the sandbox's, still applies).
			type: 'hidden',
			default: AMIQUS_AUTHORIZE_URL,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: AMIQUS_TOKEN_URL,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: AMIQUS_API_URL,
			description: 'The Amiqus REST API v2 root. Change it only for the local provider sandbox.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// Amiqus defines no scopes.
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// Amiqus expects client_id and client_secret in the form body of the token request.
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/status',
			method: 'GET',
		},
		rules: failureRules({
			401: 'Amiqus answered 401 "Unauthenticated": the connection was refused or has expired. Check "Client ID" and "Client Secret", then connect the account again.',
			403: 'Amiqus answered 403: the connected user may not use the API. Check the permissions of the Amiqus user you connected with.',
			404: `No Amiqus API answered at this address (HTTP 404). Check "Base URL" (${AMIQUS_API_URL}).`,
		}),
	};
}
