import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList } from '../../transport';
import { organisationLocator, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [organisationLocator, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['getClients'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Organisation', this.getNodeParameter('organisationId', itemIndex, '', { extractValue: true }));
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	return await amiqusList(this, `/organisations/${id}/clients`, {}, { returnAll, limit, itemIndex });
}
