import type { IDataObject } from 'n8n-workflow';

import { runNode, typeName } from '../../harness/engine';
import { credentials, PLAIN, useSandbox } from '../helpers';

export const NODE = typeName('identomat');

/**
 * One sandbox per test file (see useSandbox) and the Identomat node's Session operations run
 * through n8n's engine against it.
 */
export function useIdentomatNode() {
	const sandbox = useSandbox();

	async function begin(parameters: IDataObject, company = PLAIN, extra: IDataObject = {}) {
		return await runNode({
			type: NODE,
			parameters: { resource: 'session', operation: 'begin', ...parameters },
			credentials: credentials(sandbox(), company, extra),
		});
	}

	async function op(
		operation: string,
		parameters: IDataObject,
		company = PLAIN,
		extra: IDataObject = {},
	) {
		return await runNode({
			type: NODE,
			parameters: { resource: 'session', operation, ...parameters },
			credentials: credentials(sandbox(), company, extra),
		});
	}

	/** Begins a plain session through the node and returns its token. */
	async function newSession(flags: IDataObject = {}): Promise<string> {
		const run = await begin({
			configurationMode: 'json',
			configurationJson: JSON.stringify({ flags }),
		});
		expect(run.error).toBeUndefined();
		return run.items[0].json.session_token as string;
	}

	return { sandbox, begin, op, newSession };
}

export const questionnaire = (questions: IDataObject[]) => ({
	configurationMode: 'json',
	configurationJson: JSON.stringify({
		steps: [{ type: 'user-questionnaire', key: 'kyc', title: 'KYC', questions }],
	}),
});
