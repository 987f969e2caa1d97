import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, deliveryKey, lookupDelivery } from './dedup';
import { startOfExecution } from './delivery';
import { landingPage, pageTextOf, pageTextProperty } from './landingPage';
import { finiteNumber } from './numbers';
import { verdictOnlyProperty } from './personalData';
import { pollUntilFinal } from './polling';
import { describeRequestError } from './request';
import { endRead, startRead } from './visitLimits';

/** A finished result is emitted once per id: the id is remembered this long. */
const RETURN_MARKER_SECONDS = 7 * 86_400;
/** A result the provider finished longer ago than this is not emitted (an old URL visited again). */
const RETURN_WINDOW_SECONDS = 86_400;

/** Default and upper bound of "Wait for Result": each waiting visit holds a connection and polls. */
const DEFAULT_WAIT_SECONDS = 3;
const MAX_WAIT_SECONDS = 30;

const REDIRECT_TO = 'String($parameter["redirectUrl"] || "").trim()';

/**
 * The webhook of a browser-return trigger. When a visit starts an execution, n8n answers (once
 * the execution exists): a redirect to Redirect To, or the landing page when it is empty.
 */
export function browserReturnWebhook(path: string): IWebhookDescription {
	return {
		name: 'default',
		httpMethod: 'GET',
		path,
		responseMode: 'onReceived',
		responseData: '',
		responseCode: `={{ ${REDIRECT_TO} ? 302 : 200 }}`,
		responseHeaders: `={{ { entries: ${REDIRECT_TO} ? [{ name: "Location", value: ${REDIRECT_TO} }] : [{ name: "Content-Type", value: "text/html; charset=utf-8" }] } }}`,
	};
}

/**
 * Emits one item for a browser's visit, once per id: a repeated visit (a reload, the URL opened
 * again) is only redirected. The browser is answered by n8n once the execution exists (see
 * browserReturnWebhook), or with an error page when it could not start, so a reload retries.
 * A result decided longer ago than a day is not emitted: the URL of an old session fires nothing.
 */
export function acceptBrowserReturn(
	ctx: IWebhookFunctions,
	id: string,
	item: IDataObject,
	redirectUrl: string,
	now = Date.now(),
): IWebhookResponseData {
	const decidedAt = Date.parse(
		String((item.verification as IDataObject | undefined)?.decidedAt ?? ''),
	);
	if (Number.isFinite(decidedAt) && now - decidedAt > RETURN_WINDOW_SECONDS * 1000) {
		ctx.logger.info(
			`${ctx.getNode().name}: a visit for a result decided at ${new Date(decidedAt).toISOString()} emits nothing`,
		);
		return redirectBrowser(ctx, redirectUrl, null);
	}
	const key = deliveryKey(id);
	// Seen before, or being handed to n8n by another visit right now: only send the browser on.
	if (lookupDelivery(ctx, key, now) !== 'new') return redirectBrowser(ctx, redirectUrl, null);
	claimDelivery(ctx, key, RETURN_MARKER_SECONDS);
	return {
		workflowData: [[{ json: { ...item, deliveryKey: key } }]],
		webhookResponse: landingPage(pageTextOf(ctx)),
	};
}

/** The execute() of a browser-return trigger: the start of each execution it starts. */
export async function startOfBrowserReturn(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	return [startOfExecution(this, RETURN_MARKER_SECONDS)];
}

/**
 * For providers that only send the person's browser back (no server-side events): answer the
 * browser with a redirect to the page the user chose, and start nothing. A visit that starts an
 * execution goes through acceptBrowserReturn instead, so n8n answers once the execution exists.
 */
export function redirectBrowser(
	ctx: IWebhookFunctions,
	location: string,
	items: IDataObject[] | null,
): IWebhookResponseData {
	if (items && items.length)
		throw new Error('redirectBrowser starts nothing: use acceptBrowserReturn');
	const res = ctx.getResponseObject();
	if (location) {
		res.redirect(302, location);
	} else {
		res
			.status(200)
			.type('text/html; charset=utf-8')
			.send(landingPage(pageTextOf(ctx)));
	}
	return { noWebhookResponse: true };
}

/**
 * The properties of a browser-return trigger: its notice, where a finished visit goes ("Redirect
 * To"), the Page Text, Simplify, and an Options collection with where any other visit goes, how
 * long to wait for a result and the trigger's own `options`. `what` names the provider's object
 * ("flow", "session"), `example` the host of the placeholders.
 */
export function browserReturnProperties(trigger: {
	what: string;
	example: string;
	notFinished: string;
	notice: string;
	options: INodeProperties[];
}): INodeProperties[] {
	const { what, example, notFinished } = trigger;
	const pendingRedirect: INodeProperties = {
		displayName: 'Redirect When Not Finished To',
		name: 'pendingRedirectUrl',
		type: 'string',
		default: '',
		placeholder: `e.g. https://${example}/verification-pending`,
		description: `The page for a visit that names no ${what}, an unknown ${what}, or ${notFinished}. Empty: the Redirect To page. Nothing is emitted for such visits.`,
	};
	const waitSeconds: INodeProperties = {
		displayName: 'Wait for Result (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		noDataExpression: true,
		typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS },
		default: DEFAULT_WAIT_SECONDS,
		description: `How long to keep reading the ${what} when the browser arrives before it is final (at most ${MAX_WAIT_SECONDS}). 0 reads once.`,
	};
	return [
		{ displayName: trigger.notice, name: 'notice', type: 'notice', default: '' },
		{
			displayName: 'Redirect To',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. https://${example}/verification-done`,
			description: `The page the person is sent to after a finished ${what}. Empty: a small page with the Page Text.`,
		},
		pageTextProperty(),
		verdictOnlyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [...trigger.options, pendingRedirect, waitSeconds].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
	];
}

/** Reads what `browserReturnProperties` shows, plus the rest of the Options collection. */
export function browserReturnSettings(ctx: IWebhookFunctions) {
	const redirectUrl = String(ctx.getNodeParameter('redirectUrl', '') ?? '').trim();
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		options,
		redirectUrl,
		pendingRedirectUrl: String(options.pendingRedirectUrl ?? '').trim() || redirectUrl,
		waitSeconds: finiteNumber(options.waitSeconds, DEFAULT_WAIT_SECONDS, {
			min: 0,
			max: MAX_WAIT_SECONDS,
		}),
		query: ctx.getQueryData() as IDataObject,
	};
}

/** The first of `names` whose query value is a non-empty string, trimmed; '' when none is. */
export function queryValue(query: IDataObject, names: string[]): string {
	const found = names
		.map((name) => query[name])
		.find((value) => typeof value === 'string' && value.trim() !== '');
	return typeof found === 'string' ? found.trim() : '';
}

export interface BrowserReturn<T> {
	/** The id the browser brought, already checked for shape; empty when it brought none. */
	id: string;
	/** Reads the current state server-side; the browser is never trusted. */
	read: () => Promise<T>;
	isFinal: (value: T) => boolean;
	/** The output item for a final value. */
	toItem: (value: T) => IDataObject;
	/** How long to keep reading before the value is final; 0 reads once. */
	waitSeconds: number;
	/** Where the browser goes after a final result, and after anything else. */
	redirectUrl: string;
	pendingRedirectUrl: string;
	/** For the log line, e.g. "Verigram Trigger". */
	label: string;
	/**
	 * For a value that is not final: the status under which it is still emitted (once per id and
	 * status), or undefined to emit nothing. Without it only final values are emitted.
	 */
	interimStatus?: (value: T) => string | undefined;
}

/**
 * The whole "person's browser comes back" flow shared by the redirect triggers: read the
 * result server-side, emit it once per id (a reload starts nothing new), and send the browser
 * on. Anyone can visit with any id, so: an unknown, unreadable or unfinished id gets the same
 * answer (the pending page) and emits nothing; a negative answer is not read again for a few
 * seconds; one read per id is in flight at once, and only a few visits wait for a result (the
 * others read once); a non-final result is emitted at most once per id and status.
 */
export async function completeBrowserReturn<T>(
	ctx: IWebhookFunctions,
	visit: BrowserReturn<T>,
): Promise<IWebhookResponseData> {
	const pending = () => redirectBrowser(ctx, visit.pendingRedirectUrl, null);
	if (!visit.id) return pending();
	// Emitted already (or being handed to n8n right now): nothing to read.
	if (lookupDelivery(ctx, deliveryKey(visit.id)) !== 'new')
		return redirectBrowser(ctx, visit.redirectUrl, null);
	const reading = startRead(ctx, visit.id);
	if (!reading) return pending();
	let outcome;
	try {
		outcome = await pollUntilFinal(visit.read, visit.isFinal, {
			timeoutSeconds:
				reading === 'poll'
					? finiteNumber(visit.waitSeconds, 0, { min: 0, max: MAX_WAIT_SECONDS })
					: 0,
			initialIntervalSeconds: 1,
			maxIntervalSeconds: 4,
		});
	} catch (error) {
		endRead(ctx, visit.id, true);
		const { status } = describeRequestError(error);
		ctx.logger.warn(
			`${visit.label}: the result of a returning visit could not be read (HTTP ${status ?? 'none'})`,
		);
		return pending();
	}
	endRead(ctx, visit.id, !outcome.final);
	if (!outcome.final) {
		const status = visit.interimStatus?.(outcome.value);
		if (status === undefined) return pending();
		// Emitted once per id and status; n8n answers the browser as for a final result.
		return acceptBrowserReturn(
			ctx,
			`${visit.id}#${status}`,
			visit.toItem(outcome.value),
			visit.pendingRedirectUrl,
		);
	}
	return acceptBrowserReturn(ctx, visit.id, visit.toItem(outcome.value), visit.redirectUrl);
}
