import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** An Authentication Cloud instance's host is https://{instance}.mauth.nevis.cloud (nevis.md). */
export const NEVIS_HOST_SUFFIX = '.mauth.nevis.cloud';
/** The identity verification sessions route; UNCONFIRMED, so the credential can change it. */
export const DEFAULT_IDV_PATH = '/api/v1/idverification/sessions';

export const instanceHost = (instance: string) => `https://${instance}${NEVIS_HOST_SUFFIX}`;

/** The host a credential points at (its Base URL, else its instance's), without a trailing slash; '' when neither is set. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const explicit = String(credentials.baseUrl ?? '').trim();
	const instance = String(credentials.instanceId ?? '').trim();
	return (explicit || (instance ? instanceHost(instance) : '')).replace(/\/+$/, '');
}
