import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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
		res.status(200).type('text/plain').send('Thank you. You can close this page.');
	}
	if (!items || items.length === 0) return { noWebhookResponse: true };
	const data: INodeExecutionData[] = items.map((json) => ({ json }));
	return { noWebhookResponse: true, workflowData: [data] };
}
