import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOutput } from '../../../shared/personalData';
import {
	readUntilFinalIfAsked,
	waitForFinalResultSection,
	waitRequest,
} from '../../../shared/polling';
import { InputValidator } from '../../../shared/validation';
import { getSession } from '../../transport';
import { isFinalSession, sessionVerification } from '../../verdict';
import { SESSION_ID, sessionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	sessionLocator,
	...waitForFinalResultSection(
		'Nevis documents no events for identity verification: reading the session is the documented way. A session can stay pending for good when the person leaves.',
		600,
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerificationSession'], operation: ['get'] } },
	properties,
);

/** What Simplify keeps of the session besides `verification`. */
export const SESSION_KEYS = ['sessionId', 'status', 'createdAt', 'completedAt'];

export function sessionIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const check = new InputValidator(ctx.getNode(), itemIndex);
	const id = check.required(
		'Session',
		ctx.getNodeParameter('sessionId', itemIndex, '', { extractValue: true }),
	);
	if (!SESSION_ID.test(id))
		check.fail('Session', `must be the nine-digit session ID, got "${id}"`, 'e.g. 123456789');
	return id;
}

/**
 * The session as Nevis returns it: only the status while pending or in progress, the result and
 * data once verified or failed. Adds the shared `verification`.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const sessionId = sessionIdOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { value: session, extra } = await readUntilFinalIfAsked(
		check,
		waitRequest(this, itemIndex, options),
		async () => await getSession(this, sessionId, itemIndex),
		isFinalSession,
		600,
	);
	const item = { ...session, verification: sessionVerification(session, sessionId) } as IDataObject;
	return { ...verdictOutput(this, itemIndex, item, SESSION_KEYS), ...extra };
}
