import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Verigram's hosts (verigram.md): the first two are the servers of Verigram's OpenAPI document, the
 * third the host public integrations use. Which is for test and which for production keys is UNCONFIRMED.
 */
export const VERIGRAM_HOSTS = [
	'https://demo.verigram.kz',
	'https://services.kz-ala-1.verigram.kz',
	'https://services.verigram.cloud',
] as const;

export const DEFAULT_HOST = VERIGRAM_HOSTS[0];

/** The API root chosen in the credential ("custom": its Base URL), without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const host = String(credentials.host || DEFAULT_HOST);
	const chosen = host === 'custom' ? String(credentials.baseUrl ?? '') : host;
	return chosen.trim().replace(/\/+$/, '');
}
