import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verdictOutput } from '../../shared/personalData';
import { completeBrowserReturn } from '../../shared/redirect';
import { identomatRequest } from '../transport';
import { resultVerification } from '../verdict';

/** What Simplify keeps of a browser return's result besides `verification`. */
const RESULT_KEYS = ['session_token', 'result', 'result_comment', 'configId'];

/** A person's browser back at the Return URL: the shared browser-return flow over Identomat's result. */
export async function browserReturn(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const location = String(this.getNodeParameter('redirectUrl', '') ?? '').trim();
	const parameter = String(
		this.getNodeParameter('sessionParameter', 'session_token') || 'session_token',
	);
	const onlyDecided = this.getNodeParameter('onlyDecided', false) === true;
	const query = this.getQueryData() as IDataObject;
	const token = typeof query[parameter] === 'string' ? (query[parameter] as string).trim() : '';
	const decided = (result: IDataObject | undefined) => {
		const status = result ? resultVerification(token, result).status : undefined;
		return status === 'verified' || status === 'rejected';
	};
	// Whatever the browser brings, it is only a pointer: the result is read server-side.
	return await completeBrowserReturn(this, {
		id: /^[A-Za-z0-9_-]{8,128}$/.test(token) ? token : '',
		read: async () => {
			const { body } = await identomatRequest(this, 'result/', { session_token: token });
			return body && typeof body === 'object' && !Array.isArray(body)
				? (body as IDataObject)
				: undefined;
		},
		isFinal: decided,
		// A session not decided yet is emitted too (unless Only Decided Results), once per status.
		interimStatus: (result) =>
			onlyDecided || !result ? undefined : String(resultVerification(token, result).providerStatus),
		toItem: (result) =>
			verdictOutput(
				this,
				0,
				{
					session_token: token,
					...result,
					verification: resultVerification(token, result ?? {}) as unknown as IDataObject,
				},
				RESULT_KEYS,
			),
		waitSeconds: 0,
		redirectUrl: location,
		pendingRedirectUrl: location,
		label: 'Identomat Trigger',
	});
}
