import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { simplifyProperty, withVerification } from '../../../shared/verdict';
import { identomatRequest } from '../../transport';
import { resultVerification } from '../../verdict';
import { sessionToken, sessionTokenField } from './common';

const properties: INodeProperties[] = [sessionTokenField, simplifyProperty];

/** What Simplify keeps of the result besides `verification`. */
const SIMPLE_KEYS = ['session_token', 'result', 'result_comment', 'configId'];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getResult'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const token = sessionToken(check, this.getNodeParameter('session', itemIndex));
	const { body } = await identomatRequest(this, 'result/', { session_token: token }, { itemIndex });
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		check.fail('result', `is not an object; Identomat answered ${JSON.stringify(body)}`);
	}
	const result = body as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return withVerification({ session_token: token, ...result }, resultVerification(token, result), simplify, SIMPLE_KEYS);
}
