import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { flowPath, verigramRequest } from '../../transport';
import { flowLocator } from '../common.descriptions';

const properties: INodeProperties[] = [flowLocator];

export const description = updateDisplayOptions({ show: { resource: ['flow'], operation: ['get'] } }, properties);

/** GET /flow/{flow_id}: Verigram documents the route ("detailed information about a specific flow"), not its fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const flowId = check.pathId('Flow', this.getNodeParameter('flowId', itemIndex, '', { extractValue: true }));
	return (await verigramRequest(this, 'GET', flowPath(flowId), { itemIndex })) as IDataObject;
}
