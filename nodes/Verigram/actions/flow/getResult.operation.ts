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
import { simplifyProperty, withVerification } from '../../../shared/verdict';
import { getFlowResult } from '../../transport';
import { finalStatusesFrom, flowVerification, isFinalResult } from '../../verdict';
import { flowIdOf, flowLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	flowLocator,
	simplifyProperty,
	...waitForFinalResultSection(
		'Verigram pushes no events: this is the documented way (polling GET /flow/{flow_ID}/result).',
		300,
	),
];

/** What Simplify keeps of the result besides `verification`. */
const SIMPLE_KEYS = ['flow_id', 'person_id', 'flow_status', 'end_cause', 'finished_at'];

export const description = updateDisplayOptions(
	{ show: { resource: ['flow'], operation: ['getResult'] } },
	properties,
);

/**
 * GET /flow/{flow_id}/result, kept as Verigram returns it (flow_status, end_cause, per-service
 * details), plus the shared `verification`. With "Wait for Final Result" it polls with backoff.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const flowId = flowIdOf(this, check, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const finalStatuses = finalStatusesFrom(options.finalStatuses);
	const { value: result, extra } = await readUntilFinalIfAsked(
		check,
		waitRequest(this, itemIndex, options),
		async () => await getFlowResult(this, flowId, itemIndex),
		(value) => isFinalResult(value, finalStatuses),
		300,
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const item = withVerification(result, flowVerification(result, flowId), simplify, SIMPLE_KEYS);
	return { ...verdictOutput(this, itemIndex, item, SIMPLE_KEYS), ...extra };
}
