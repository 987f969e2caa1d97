import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { startSession } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			"When the person finishes, Nevis sends their browser to the redirect URL of your instance (set when identity verification was ordered, or through a Nevis Portal ticket), not to a URL given here. To act on completion without relying on anything undocumented, read the session with Get (Wait for Final Result, or a bounded Wait → Get loop); a Nevis Trigger works only if your instance's redirect carries the session ID. Nevis is sent nothing of the customer and sends nothing back but the session: keep the returned sessionId with your customer (e.g. in a Data Table or your CRM) and look the customer up by sessionId when the result comes.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Request Body (JSON)',
				name: 'body',
				type: 'json',
				default: '{}',
				description:
					'Fields sent in the body of the start request. Nevis does not document any, so the default is an empty object; add fields only if Nevis tells you to.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerificationSession'], operation: ['start'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body =
		options.body === undefined ? {} : check.json<unknown>('Request Body (JSON)', options.body);
	if (!body || typeof body !== 'object' || Array.isArray(body))
		check.fail('Request Body (JSON)', 'must be a JSON object', 'e.g. {}');
	const session = await startSession(this, body as IDataObject, itemIndex);
	const sessionId = sessionIdText(session?.sessionId);
	if (!session || !sessionId || typeof session.startUrl !== 'string') {
		throw new NodeApiError(this.getNode(), (session ?? {}) as never, {
			message: 'Nevis: the start answer has no sessionId and startUrl',
			description: 'Check the Identity Verification Path in the credential.',
			itemIndex,
		});
	}
	return { ...session, sessionId };
}

/**
 * Nevis calls the session ID "a unique nine-digit identifier" without saying whether it is a JSON
 * string or number: both are accepted, and the output always carries it as a string.
 */
function sessionIdText(value: unknown): string {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	return typeof value === 'string' ? value.trim() : '';
}
