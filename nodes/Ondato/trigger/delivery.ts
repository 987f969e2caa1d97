import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isVerdictOnly, reduceToVerdict } from '../../shared/personalData';
import { getIdentityVerification, getKycIdentification, kycIdOf } from '../transport';
import { idvVerification, kybVerification, kycVerification } from '../verdict';

/** What an accepted delivery becomes: the current state it names, when asked for, and its item. */

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
		const resource = await getIdentityVerification(ctx, id);
		const kycId = kycIdOf(resource);
		if (resource.status === 'Completed' && typeof kycId === 'string')
			return { resource, kyc: await getKycIdentification(ctx, kycId) };
		return { resource };
	}
	if (event.startsWith('KycIdentification.'))
		return { resource: await getKycIdentification(ctx, id) };
	return {};
}

/** What Simplify keeps of a delivery besides `verification`. */
const ENVELOPE_KEYS = [
	'id',
	'type',
	'event',
	'applicationId',
	'createdUtc',
	'deliveredUtc',
	'isDelivered',
	'payloadId',
	'externalReferenceId',
];

/**
 * The item a delivery emits: the envelope, the current state when it was read, and the
 * verification of IDV, KYC and KYB events (from the current state, else the payload).
 */
export function deliveryItem(
	ctx: IWebhookFunctions,
	envelope: IDataObject,
	current: { resource?: IDataObject; kyc?: IDataObject },
): IDataObject {
	const event = envelope.event as string;
	const payload = envelope.payload as IDataObject;
	const { resource, kyc } = current;
	const state = resource ?? payload;
	const output: IDataObject = { ...envelope };
	if (resource) output.currentState = resource;
	if (kyc) output.kycIdentification = kyc;
	if (event.startsWith('IdentityVerification.'))
		output.verification = idvVerification(state, kyc) as unknown as IDataObject;
	else if (event.startsWith('KycIdentification.'))
		output.verification = kycVerification(state) as unknown as IDataObject;
	else if (
		event.startsWith('KybIdentification.') &&
		!event.startsWith('KybIdentification.Document.')
	) {
		output.verification = kybVerification(state) as unknown as IDataObject;
	}
	// Simplify: the envelope's ids and times, the payload's id, your reference and the verdict; never the payload itself.
	return isVerdictOnly(ctx)
		? reduceToVerdict(
				{ ...output, payloadId: payload.id, externalReferenceId: state.externalReferenceId },
				ENVELOPE_KEYS,
			)
		: output;
}
