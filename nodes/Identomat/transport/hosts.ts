import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Identomat's host: the API (/external-api/...) and the widget (/?session_token=...). */
export const IDENTOMAT_HOST = 'https://widget.identomat.com';

/** The host a credential points at, without a trailing slash. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || IDENTOMAT_HOST).replace(/\/+$/, '');
}
