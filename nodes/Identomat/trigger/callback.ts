import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryKey } from '../../shared/dedup';
import { acceptDelivery, refuseWebhook } from '../../shared/delivery';
import { isVerdictOnly, reduceToVerdict } from '../../shared/personalData';
import { safeEqual } from '../../shared/signature';
import { CREDENTIAL_TYPE, identomatRequest } from '../transport';
import { resultVerification } from '../verdict';
import { CALLBACK_TYPES } from './events';

/**
 * Callbacks carry no id or time: a repeated callback is recognised by its exact body for this
 * long (retries of a delivery). A later identical body (the same code sent again) runs again.
 */
export const CALLBACK_MARKER_SECONDS = 600;

function list(value: unknown): string[] {
	return typeof value === 'string'
		? value
				.split(',')
				.map((v) => v.trim())
				.filter((v) => v !== '')
		: [];
}

/** A POST callback from Identomat: checked by its shared key, filtered by Events, emitted once. */
export async function callback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const expected = typeof credentials.callbackApiKey === 'string' ? credentials.callbackApiKey : '';
	const body = this.getBodyData() as IDataObject;
	const received = body && typeof body.callbackApiKey === 'string' ? body.callbackApiKey : '';
	// Identomat puts a shared key in the body (no signature). Fail closed: no key set, no run.
	if (!expected || !received || !safeEqual(received, expected)) {
		return refuseWebhook(this, 401, 'Unauthorized');
	}
	const type = typeof body.type === 'string' ? body.type : '';
	const chosen = this.getNodeParameter('events', []);
	// Fail closed: anything but a list (an expression giving text) selects no event.
	const events = Array.isArray(chosen) ? (chosen as string[]) : [];
	const statusTypes = list(this.getNodeParameter('statusUpdateTypes', ''));
	const isStatusUpdate =
		!CALLBACK_TYPES.includes(type) && (statusTypes.length === 0 || statusTypes.includes(type));
	const wanted = CALLBACK_TYPES.includes(type)
		? events.includes(type)
		: isStatusUpdate && events.includes('statusUpdate');
	if (!wanted) return { webhookResponse: { received: true } };

	// The shared key is a secret: it never reaches the workflow.
	const item: IDataObject = { ...body };
	delete item.callbackApiKey;
	// Named by the body without the key: the digest is in the output, and must not help guess the key.
	const key = deliveryKey(JSON.stringify(item));
	if (isStatusUpdate) {
		item.event = 'statusUpdate';
		const sessionId = typeof body.sessionId === 'string' ? body.sessionId : '';
		if (sessionId && this.getNodeParameter('fetchResult', true) === true) {
			const { body: result } = await identomatRequest(this, 'result/', {
				session_token: sessionId,
			});
			if (result && typeof result === 'object' && !Array.isArray(result)) {
				item.result = result as IDataObject;
				item.verification = resultVerification(
					sessionId,
					result as IDataObject,
				) as unknown as IDataObject;
			}
		}
	}
	// Simplify, for status updates: the session id and the verdict, never the result. An OTP or link-sharing
	// callback is kept whole: the workflow needs its phone number or email to act on it.
	const output =
		isStatusUpdate && isVerdictOnly(this)
			? reduceToVerdict(item, ['type', 'event', 'sessionId'])
			: item;
	return acceptDelivery(this, key, CALLBACK_MARKER_SECONDS, [output]);
}
