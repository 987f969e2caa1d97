import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, lookupDelivery, recordDeliveries } from './dedup';

/**
 * How every trigger answers a delivery it accepts: it hands the items to n8n and does not answer
 * itself. n8n (responseMode "onReceived") answers only once it has created the execution, and
 * answers 500 when it could not, so the provider retries: a 2xx always means an execution.
 *
 * `key` names the delivery (see deliveryKey): a copy of a delivery that already ran is answered
 * 2xx with `duplicate` and starts nothing; a copy that arrives while the first is still being
 * handed to n8n is answered 409, so the provider retries it once the first is settled (then it
 * is a duplicate, or, if the first could not start, it runs). `ttlSeconds`: how long the key
 * is remembered. Each item carries the key as `deliveryKey`.
 */
export function acceptDelivery(
	ctx: IWebhookFunctions,
	key: string,
	ttlSeconds: number,
	items: IDataObject[],
	answer: IDataObject | string = { received: true },
): IWebhookResponseData {
	const known = knownDelivery(ctx, key, answer);
	if (known) return known;
	claimDelivery(ctx, key, ttlSeconds);
	const data: INodeExecutionData[] = items.map((json) => ({ json: { ...json, deliveryKey: key } }));
	return { workflowData: [data], webhookResponse: answer };
}

/**
 * The answer acceptDelivery gives a copy of a delivery that already ran or is in flight, or
 * undefined for a new one: a trigger that reads more before accepting checks this first.
 */
export function knownDelivery(
	ctx: IWebhookFunctions,
	key: string,
	answer: IDataObject | string = { received: true },
): IWebhookResponseData | undefined {
	const state = lookupDelivery(ctx, key);
	if (state === 'duplicate') return repeatedDelivery(ctx, answer);
	if (state === 'inFlight')
		return refuseWebhook(ctx, 409, 'This delivery is being processed; retry later');
	return undefined;
}

/** The answer to a copy of a delivery that already ran: the same as the first, and no execution. */
function repeatedDelivery(
	ctx: IWebhookFunctions,
	answer: IDataObject | string,
): IWebhookResponseData {
	if (typeof answer === 'string') return { webhookResponse: answer };
	return { webhookResponse: { ...answer, duplicate: true } };
}

/** Answers the caller with a status and starts no execution. */
export function refuseWebhook(
	ctx: IWebhookFunctions,
	status: number,
	text: string,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).send(text).end();
	return { noWebhookResponse: true };
}

/**
 * The start of every execution a trigger starts (its execute()): keeps the items no earlier
 * execution ran, records their keys (see recordDeliveries) and passes them on.
 */
export function startOfExecution(ctx: IExecuteFunctions, ttlSeconds: number): INodeExecutionData[] {
	return recordDeliveries(ctx, ctx.getInputData(), ttlSeconds);
}

/**
 * What n8n answers, in "onReceived" mode, once the execution exists: the item's webhookResponse
 * as the body. n8n's default for a description without `responseData` is the text
 * "firstEntryJson", so every trigger's webhook description sets it to ''.
 */
export const ANSWER_WITH_WEBHOOK_RESPONSE = {
	responseMode: 'onReceived',
	responseData: '',
} as const;

/**
 * Webhook lifecycle of a trigger whose URL is registered out of band (pasted in the provider's
 * dashboard, sent with each session, or given to the provider's support): n8n still calls the
 * three methods, and there is nothing to create or delete remotely.
 */
export const outOfBandWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
