import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { pollUntilFinal } from './polling';
import { describeRequestError } from './request';
import { firstTimeSeen } from './signature';

export const DEFAULT_PAGE_TEXT = 'Thank you. You can close this page.';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * The page a person lands on when no "Redirect To" page is set: small, neutral, readable in light
 * and dark mode, with the workflow's text (escaped; blank lines start a new paragraph).
 */
export function landingPage(text: string): string {
	const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`).join('');
	const title = escapeHtml(text.split('\n')[0].slice(0, 80));
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f6f7;color:#1d1d1f}main{max-width:32rem;margin:1.5rem;padding:2rem 2.5rem;border-radius:12px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.12);text-align:center}p{margin:.5rem 0}@media (prefers-color-scheme:dark){body{background:#161618;color:#ececee}main{background:#232326;box-shadow:none}}</style></head><body><main role="main">${paragraphs}</main></body></html>`;
}

/** "Page Text": what the landing page says when no "Redirect To" page is set. */
export const pageTextProperty = (show?: Record<string, string[]>): INodeProperties => ({
	displayName: 'Page Text',
	name: 'pageText',
	type: 'string',
	typeOptions: { rows: 2 },
	default: DEFAULT_PAGE_TEXT,
	description: 'What the page says when Redirect To is empty (plain text; a blank line starts a new paragraph)',
	...(show ? { displayOptions: { show } } : {}),
});

/**
 * For providers that only send the person's browser back (no server-side events): answer the
 * browser with a redirect to the page the user chose, and start the workflow with `items`
 * (or nothing when the visit did not name a finished session).
 */
export function redirectBrowser(
	ctx: IWebhookFunctions,
	location: string,
	items: IDataObject[] | null,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	if (location) {
		res.redirect(302, location);
	} else {
		const text = String(ctx.getNodeParameter('pageText', '') ?? '').trim() || DEFAULT_PAGE_TEXT;
		res.status(200).type('text/html; charset=utf-8').send(landingPage(text));
	}
	if (!items || items.length === 0) return { noWebhookResponse: true };
	const data: INodeExecutionData[] = items.map((json) => ({ json }));
	return { noWebhookResponse: true, workflowData: [data] };
}

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

/**
 * The settings every browser-return trigger shows: where a finished visit goes ("Redirect To"),
 * and, for its Options collection, where any other visit goes and how long to wait for a result.
 * `what` names the provider's object ("flow", "session"), `example` the host of the placeholders.
 */
export function browserReturnProperties(what: string, example: string, notFinished: string) {
	const redirectTo: INodeProperties = {
		displayName: 'Redirect To',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: `e.g. https://${example}/verification-done`,
		description: `The page the person is sent to after a finished ${what}. Empty: a small page with the Page Text.`,
	};
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
		typeOptions: { minValue: 0 },
		default: 10,
		description: `How long to keep reading the ${what} when the browser arrives before it is final. 0 reads once.`,
	};
	return { redirectTo, pageText: pageTextProperty(), pendingRedirect, waitSeconds };
}

/** Reads what `browserReturnProperties` shows, plus the rest of the Options collection. */
export function browserReturnSettings(ctx: IWebhookFunctions) {
	const redirectUrl = String(ctx.getNodeParameter('redirectUrl', '') ?? '').trim();
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		options,
		redirectUrl,
		pendingRedirectUrl: String(options.pendingRedirectUrl ?? '').trim() || redirectUrl,
		waitSeconds: Number(options.waitSeconds ?? 10),
		query: ctx.getQueryData() as IDataObject,
	};
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
}

/**
 * The whole "person's browser comes back" flow shared by the redirect triggers: read the
 * result server-side, emit it once per id (a reload starts nothing new), and send the browser
 * on. An unknown, unreadable or unfinished id emits nothing misleading.
 */
export async function completeBrowserReturn<T>(ctx: IWebhookFunctions, visit: BrowserReturn<T>): Promise<IWebhookResponseData> {
	if (!visit.id) return redirectBrowser(ctx, visit.pendingRedirectUrl, null);
	let outcome;
	try {
		outcome = await pollUntilFinal(visit.read, visit.isFinal, {
			timeoutSeconds: Math.max(0, visit.waitSeconds),
			initialIntervalSeconds: 1,
			maxIntervalSeconds: 4,
		});
	} catch (error) {
		const { status } = describeRequestError(error);
		ctx.logger.warn(`${visit.label}: the result of a returning visit could not be read (HTTP ${status ?? 'none'})`);
		return redirectBrowser(ctx, visit.pendingRedirectUrl, null);
	}
	if (!outcome.final) return redirectBrowser(ctx, visit.pendingRedirectUrl, null);
	if (!firstTimeSeen(ctx, visit.id)) return redirectBrowser(ctx, visit.redirectUrl, null);
	return redirectBrowser(ctx, visit.redirectUrl, [visit.toItem(outcome.value)]);
}
