import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { forgetDeliveries } from '../../shared/dedup';
import { isSafePathSegment, pathSegment } from '../../shared/ids';
import { amiqusRequest } from '../transport';
import { normaliseEvents, sameEvents } from './events';

/** The Amiqus Trigger's webhook registration (n8n's webhookMethods) and the state it keeps in static data. */

/** What the node keeps in its static data about the webhook it registered. */
export interface WebhookState extends IDataObject {
	webhookId?: number | string;
	webhookSecret?: string;
	webhookEvents?: string[];
}

function clearWebhookState(state: WebhookState): void {
	delete state.webhookId;
	delete state.webhookSecret;
	delete state.webhookEvents;
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode) === '404';
}

/** Errors of the transport are NodeApiErrors already; anything else is wrapped so n8n shows it properly. */
function asNodeError(ctx: IHookFunctions, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

/** Keeps the id and secret of a webhook object returned by Amiqus, after checking it has both. */
function storeWebhook(
	ctx: IHookFunctions,
	state: WebhookState,
	response: unknown,
	action: string,
): void {
	const hook = (response ?? {}) as IDataObject;
	const id = hook.id;
	const secret = hook.secret;
	if (
		(typeof id !== 'number' && typeof id !== 'string') ||
		!isSafePathSegment(String(id)) ||
		typeof secret !== 'string' ||
		!secret
	) {
		// Never the answer itself: it may hold the signing secret.
		const received = { fields: Object.keys(hook).join(', ') || 'none' };
		throw new NodeApiError(ctx.getNode(), received, {
			message: `Amiqus: the response to ${action} the webhook has no id or no signing secret`,
			description:
				'Without the secret no delivery can be verified, so the trigger cannot be activated. Try activating the workflow again.',
		});
	}
	state.webhookId = id;
	state.webhookSecret = secret;
	state.webhookEvents = Array.isArray(hook.events) ? (hook.events as string[]) : [];
}

/** checkExists: whether the webhook this node registered still exists, points at this node and has its events. */
export async function checkWebhook(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as WebhookState;
	if (state.webhookId === undefined) return false;
	// Without the secret no delivery could be verified: register again (create adopts the hook).
	if (!state.webhookSecret) return false;
	let hook: IDataObject;
	try {
		hook = (await amiqusRequest(
			this,
			'GET',
			`/webhooks/${pathSegment(state.webhookId)}`,
		)) as IDataObject;
	} catch (error) {
		if (isNotFound(error)) {
			// Deleted on the Amiqus side: forget it so create registers a new one.
			this.logger.info(
				`Amiqus webhook ${String(state.webhookId)} no longer exists; it will be registered again`,
			);
			clearWebhookState(state);
			return false;
		}
		throw asNodeError(this, error);
	}
	const events = normaliseEvents(this.getNodeParameter('events', []) as string[]);
	return (
		hook.url === this.getNodeWebhookUrl('default') &&
		sameEvents(hook.events, events) &&
		hook.is_enabled !== false
	);
}

/** create: registers the webhook, or fixes in place one registered before that still points at this node. */
export async function registerWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const events = normaliseEvents(this.getNodeParameter('events', []) as string[]);
	if (!events.length) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
			description: 'Amiqus needs at least one event to subscribe the webhook to.',
		});
	}
	const state = this.getWorkflowStaticData('node') as WebhookState;

	if (state.webhookId !== undefined) {
		// A hook we registered before: fix it in place when it still points at us (other events,
		// disabled by Amiqus after repeated failures, or the secret was lost from static data).
		const path = `/webhooks/${pathSegment(state.webhookId)}`;
		let existing: IDataObject | undefined;
		try {
			existing = (await amiqusRequest(this, 'GET', path)) as IDataObject;
		} catch (error) {
			if (!isNotFound(error)) throw asNodeError(this, error);
			this.logger.info(
				`Amiqus webhook ${String(state.webhookId)} no longer exists; registering a new one`,
			);
			clearWebhookState(state);
		}
		if (existing && existing.url === url) {
			const updated = await amiqusRequest(this, 'PATCH', path, {
				body: { events, is_enabled: true },
			});
			storeWebhook(this, state, updated, 'update');
			return true;
		}
		if (existing) {
			// Registered for another URL (the other of test and production, or n8n's URL changed): leave it.
			this.logger.warn(
				`Amiqus webhook ${String(state.webhookId)} points at ${String(existing.url)}, not ${url}; registering a new one and leaving that one in place`,
			);
		}
	}

	const created = await amiqusRequest(this, 'POST', '/webhooks', { body: { url, events } });
	storeWebhook(this, state, created, 'create');
	return true;
}

/** delete: removes the webhook from Amiqus and forgets it and the deliveries seen. */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as WebhookState;
	if (state.webhookId !== undefined) {
		try {
			await amiqusRequest(this, 'DELETE', `/webhooks/${pathSegment(state.webhookId)}`);
		} catch (error) {
			// Already gone on the Amiqus side is the outcome we want; anything else must be seen.
			if (!isNotFound(error)) throw asNodeError(this, error);
			this.logger.info(`Amiqus webhook ${String(state.webhookId)} was already deleted`);
		}
	}
	clearWebhookState(state);
	forgetDeliveries(this);
	return true;
}
