import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator, organisationLocator } from '../common.descriptions';

const properties: INodeProperties[] = [clientLocator, organisationLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientOrganisation'], operation: ['remove'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger(
		'Client',
		this.getNodeParameter('clientId', itemIndex, '', { extractValue: true }),
	);
	const organisationId = check.positiveInteger(
		'Organisation',
		this.getNodeParameter('organisationId', itemIndex, '', { extractValue: true }),
	);
	await amiqusRequest(this, 'DELETE', `/clients/${id}/organisations/${organisationId}`, {
		itemIndex,
	});
	return { client: id, organisation: organisationId, removed: true };
}
