import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { amiqusRequest } from '../../transport';
import { clientLocator, organisationLocator } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [clientLocator, organisationLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientOrganisation'], operation: ['remove'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const id = idOf(this, clientLocator, itemIndex);
	const organisationId = idOf(this, organisationLocator, itemIndex);
	await amiqusRequest(this, 'DELETE', `/clients/${id}/organisations/${organisationId}`, {
		itemIndex,
	});
	return { client: id, organisation: organisationId, removed: true };
}
