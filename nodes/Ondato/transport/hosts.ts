import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type OndatoEnvironment = 'production' | 'sandbox';

export interface OndatoHosts {
	tokenUrl: string;
	idvApiUrl: string;
	kycApiUrl: string;
	faceAuthApiUrl: string;
	hostedFlowUrl: string;
}

/**
 * Ondato's hosts per environment (ondato.md §2). The sandbox KYC host is UNCONFIRMED
 * (named by analogy), and the Face Authentication API host is UNCONFIRMED (the IDV API host is assumed).
 */
export const ONDATO_HOSTS: Record<OndatoEnvironment, OndatoHosts> = {
	production: {
		tokenUrl: 'https://id.ondato.com/connect/token',
		idvApiUrl: 'https://idvapi.ondato.com',
		kycApiUrl: 'https://kycid.ondato.com',
		faceAuthApiUrl: 'https://idvapi.ondato.com',
		hostedFlowUrl: 'https://idv.ondato.com',
	},
	sandbox: {
		tokenUrl: 'https://sandbox-id.ondato.com/connect/token',
		idvApiUrl: 'https://sandbox-idvapi.ondato.com',
		kycApiUrl: 'https://sandbox-kycid.ondato.com',
		faceAuthApiUrl: 'https://sandbox-idvapi.ondato.com',
		hostedFlowUrl: 'https://sandbox-idv.ondato.com',
	},
};

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '');

/** The hosts of the credential's environment, each replaced by its override when one is set. */
export function ondatoHosts(credentials: ICredentialDataDecryptedObject): OndatoHosts {
	const environment: OndatoEnvironment = credentials.environment === 'sandbox' ? 'sandbox' : 'production';
	const defaults = ONDATO_HOSTS[environment];
	const idvApiUrl = trimmed(credentials.idvApiUrl) || defaults.idvApiUrl;
	return {
		tokenUrl: trimmed(credentials.tokenUrl) || defaults.tokenUrl,
		idvApiUrl,
		kycApiUrl: trimmed(credentials.kycApiUrl) || defaults.kycApiUrl,
		// Follows an overridden IDV API URL unless it has its own override.
		faceAuthApiUrl: trimmed(credentials.faceAuthApiUrl) || (trimmed(credentials.idvApiUrl) ? idvApiUrl : defaults.faceAuthApiUrl),
		hostedFlowUrl: trimmed(credentials.hostedFlowUrl) || defaults.hostedFlowUrl,
	};
}

/** The end-user link of an identity verification (ondato.md §1 step 3). */
export function hostedFlowLink(hosts: OndatoHosts, idvId: string): string {
	return `${hosts.hostedFlowUrl}/?id=${encodeURIComponent(idvId)}`;
}
