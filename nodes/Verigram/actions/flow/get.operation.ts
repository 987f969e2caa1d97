import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { flowPath, verigramRequest } from '../../transport';
import { flowIdOf, flowLocator } from '../common.descriptions';

const properties: INodeProperties[] = [flowLocator, verdictOnlyProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['flow'], operation: ['get'] } },
	properties,
);

/** GET /flow/{flow_id}: Verigram documents the route ("detailed information about a specific flow"), not its fields. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const flowId = flowIdOf(this, check, itemIndex);
	const flow = (await verigramRequest(this, 'GET', flowPath(flowId), { itemIndex })) as IDataObject;
	// Verigram documents no fields of a flow: Simplify keeps only plain ids, statuses and times.
	return verdictOutput(this, itemIndex, flow, [
		'flow_id',
		'id',
		'person_id',
		'status',
		'flow_status',
		'end_cause',
		'created_at',
		'finished_at',
	]);
}
