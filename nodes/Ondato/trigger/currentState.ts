import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { pathSegment } from '../../shared/ids';
import { ondatoRequest } from '../transport';

/** Whether Fetch Current State reads the resource of this event (IDV and KYC events only). */
export function hasCurrentState(event: string): boolean {
	return event.startsWith('IdentityVerification.') || event.startsWith('KycIdentification.');
}

/**
 * Fetch Current State: the identity verification (and, once it is completed, its KYC
 * identification) or the KYC identification the delivery names, read from the API. `id` must
 * already be a safe path segment. Throws when Ondato cannot be read.
 */
export async function readCurrentState(
	ctx: IWebhookFunctions,
	event: string,
	id: string,
): Promise<{ resource?: IDataObject; kyc?: IDataObject }> {
	if (event.startsWith('IdentityVerification.')) {
		const resource = (await ondatoRequest(
			ctx,
			'idv',
			'GET',
			`/v1/identity-verifications/${pathSegment(id)}`,
		)) as IDataObject;
		const kycId = (
			((resource.step ?? {}) as IDataObject).kycIdentification as IDataObject | undefined
		)?.id;
		if (resource.status === 'Completed' && typeof kycId === 'string') {
			const kyc = (await ondatoRequest(
				ctx,
				'kyc',
				'GET',
				`/v1/identifications/${pathSegment(kycId)}`,
			)) as IDataObject;
			return { resource, kyc };
		}
		return { resource };
	}
	if (event.startsWith('KycIdentification.')) {
		const resource = (await ondatoRequest(
			ctx,
			'kyc',
			'GET',
			`/v1/identifications/${pathSegment(id)}`,
		)) as IDataObject;
		return { resource };
	}
	return {};
}
