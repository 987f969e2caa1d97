import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { amiqusList } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getMyTeams'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	return await amiqusList(this, '/me/teams', {}, { returnAll, limit, itemIndex });
}
