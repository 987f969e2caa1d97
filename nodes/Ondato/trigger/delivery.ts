import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { pathSegment } from '../../shared/ids';
import { isVerdictOnly, reduceToVerdict } from '../../shared/personalData';
import { ondatoRequest } from '../transport';
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
