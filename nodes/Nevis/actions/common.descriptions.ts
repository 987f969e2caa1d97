import type { INodeProperties } from 'n8n-workflow';

/** A session, by its nine-digit ID or its start URL (…/idv/welcome.html?tc={sessionId}). Nevis has no route that lists sessions. */
export const sessionLocator: INodeProperties = {
	displayName: 'Session',
	name: 'sessionId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The identity verification session, by the sessionId Start returned or its startUrl',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 123456789',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d{9}$', errorMessage: 'A session ID is nine digits' },
				},
			],
		},
		{
			displayName: 'By Start URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://my-instance.mauth.nevis.cloud/idv/welcome.html?tc=123456789',
			extractValue: { type: 'regex', regex: '[?&]tc=(\\d{9})' },
			validation: [
				{
					type: 'regex',
					properties: { regex: '.*[?&]tc=\\d{9}.*', errorMessage: 'Not a Nevis start URL' },
				},
			],
		},
	],
};

/** Reads the session ID and checks the documented nine-digit form. */
export const SESSION_ID = /^\d{9}$/;
