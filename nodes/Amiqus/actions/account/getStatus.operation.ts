import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Amiqus answers "No Content" when the token is valid and the service works; otherwise the node fails with the reason',
		name: 'statusNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getStatus'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	await amiqusRequest(this, 'GET', '/status', { itemIndex });
	return { status: 'ok' };
}
