import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

/** The page a person's browser lands on after a browser return when no "Redirect To" page is set. */

export const DEFAULT_PAGE_TEXT = 'Thank you. You can close this page.';

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
	);

/**
 * The page a person lands on when no "Redirect To" page is set: small, neutral, readable in light
 * and dark mode, with the workflow's text (escaped; blank lines start a new paragraph).
 */
export function landingPage(text: string): string {
	const paragraphs = text
		.split(/\n\s*\n/)
		.map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('');
	const title = escapeHtml(text.split('\n')[0].slice(0, 80));
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f6f7;color:#1d1d1f}main{max-width:32rem;margin:1.5rem;padding:2rem 2.5rem;border-radius:12px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.12);text-align:center}p{margin:.5rem 0}@media (prefers-color-scheme:dark){body{background:#161618;color:#ececee}main{background:#232326;box-shadow:none}}</style></head><body><main role="main">${paragraphs}</main></body></html>`;
}

/** The landing page's text: the node's Page Text, or the default. */
export function pageTextOf(ctx: IWebhookFunctions): string {
	return String(ctx.getNodeParameter('pageText', '') ?? '').trim() || DEFAULT_PAGE_TEXT;
}

/** "Page Text": what the landing page says when no "Redirect To" page is set. */
export const pageTextProperty = (show?: Record<string, string[]>): INodeProperties => ({
	displayName: 'Page Text',
	name: 'pageText',
	type: 'string',
	typeOptions: { rows: 2 },
	default: DEFAULT_PAGE_TEXT,
	description:
		'What the page says when Redirect To is empty (plain text; a blank line starts a new paragraph)',
	...(show ? { displayOptions: { show } } : {}),
});
