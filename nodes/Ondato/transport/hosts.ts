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

const trimmed = (value: unknown) =>
	typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '';

/**
 * The hosts of the credential's environment, each replaced by its override when one is set: under
 * "Custom Hosts" (custom<Name>), or a host field of a credential saved before that switch (<name>).
 */
export function ondatoHosts(credentials: ICredentialDataDecryptedObject): OndatoHosts {
	const environment: OndatoEnvironment =
		credentials.environment === 'sandbox' ? 'sandbox' : 'production';
	const defaults = ONDATO_HOSTS[environment];
	const override = (name: keyof OndatoHosts) =>
		(credentials.customHosts === true
			? trimmed(credentials[`custom${name[0].toUpperCase()}${name.slice(1)}`])
			: '') || trimmed(credentials[name]);
	const idvApiUrl = override('idvApiUrl') || defaults.idvApiUrl;
	return {
		tokenUrl: override('tokenUrl') || defaults.tokenUrl,
		idvApiUrl,
		kycApiUrl: override('kycApiUrl') || defaults.kycApiUrl,
		// Follows an overridden IDV API URL unless it has its own override.
		faceAuthApiUrl:
			override('faceAuthApiUrl') || (override('idvApiUrl') ? idvApiUrl : defaults.faceAuthApiUrl),
		hostedFlowUrl: override('hostedFlowUrl') || defaults.hostedFlowUrl,
	};
}

/** The end-user link of an identity verification (ondato.md §1 step 3). */
export function hostedFlowLink(hosts: OndatoHosts, idvId: string): string {
	return `${hosts.hostedFlowUrl}/?id=${encodeURIComponent(idvId)}`;
}
