import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import {
	readUntilFinalIfAsked,
	waitForFinalResultSection,
	waitRequest,
} from '../../../shared/polling';
import { verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { simplifyProperty, withVerification } from '../../../shared/verdict';
import { identomatRequest } from '../../transport';
import { RESULT_STATUS, resultVerification } from '../../verdict';
import { sessionToken, sessionTokenField } from '../common.descriptions';

const properties: INodeProperties[] = [
	sessionTokenField,
	simplifyProperty,
	...waitForFinalResultSection(
		'Final means one of the documented decisions, approved or rejected. Identomat documents polling result/ as the way to learn the outcome',
		300,
	),
];

/** A result is final when it carries one of the documented decisions (approved, rejected). */
const isDecided = (result: IDataObject) =>
	typeof result.result === 'string' && Object.keys(RESULT_STATUS).includes(result.result);

/** What Simplify keeps of the result besides `verification`. */
const SIMPLE_KEYS = ['session_token', 'result', 'result_comment', 'configId'];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getResult'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const token = sessionToken(check, this.getNodeParameter('session', itemIndex));
	const read = async () => {
		const { body } = await identomatRequest(
			this,
			'result/',
			{ session_token: token },
			{ itemIndex },
		);
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			check.fail('result', `is not an object; Identomat answered ${JSON.stringify(body)}`);
		}
		return body as IDataObject;
	};
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { value: result, extra } = await readUntilFinalIfAsked(
		check,
		waitRequest(this, itemIndex, options),
		read,
		isDecided,
		300,
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const item = withVerification(
		{ session_token: token, ...result },
		resultVerification(token, result),
		simplify,
		SIMPLE_KEYS,
	);
	return { ...verdictOutput(this, itemIndex, item, SIMPLE_KEYS), ...extra };
}
