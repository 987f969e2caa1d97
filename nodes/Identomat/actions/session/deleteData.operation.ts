import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { identomatRequest } from '../../transport';
import { sessionToken, sessionTokenField } from '../common.descriptions';

const properties: INodeProperties[] = [sessionTokenField];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['deleteData'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const token = sessionToken(check, this.getNodeParameter('session', itemIndex));
	const { body } = await identomatRequest(this, 'delete/', { session_token: token }, { itemIndex });
	// The shape of a successful delete/ answer is not documented: it is passed on as `response`.
	return {
		deleted: true,
		session_token: token,
		response: body === undefined ? null : (body as string),
	};
}
