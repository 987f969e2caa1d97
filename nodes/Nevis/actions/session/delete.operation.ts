import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { deleteSession } from '../../transport';
import { sessionLocator } from '../common.descriptions';
import { sessionIdOf } from './get.operation';

const properties: INodeProperties[] = [
	{
		displayName:
			'Nevis documents deleting sessions in the Management Console. The API route (DELETE on the session) is not documented and may be refused by your instance.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	sessionLocator,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerificationSession'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const sessionId = sessionIdOf(this, itemIndex);
	await deleteSession(this, sessionId, itemIndex);
	return { deleted: true, sessionId };
}
