import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Amiqus's hosts (amiqus.md §2): the REST API v2 root and the OAuth2 endpoints. */
export const AMIQUS_API_URL = 'https://id.amiqus.co/api/v2';
export const AMIQUS_AUTHORIZE_URL = 'https://id.amiqus.co/oauth/authorize';
export const AMIQUS_TOKEN_URL = 'https://id.amiqus.co/oauth/token';

/** The API root a credential points at, without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || AMIQUS_API_URL).replace(/\/+$/, '');
}
