import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { ondatoRequest } from '../../transport';
import { idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField(
		'Identity Verification ID',
		'identityVerificationId',
		'The verification whose setup version to read',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerification'], operation: ['getSetup'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.uuid(
		'Identity Verification ID',
		this.getNodeParameter('identityVerificationId', itemIndex),
	) as string;
	return (await ondatoRequest(this, 'idv', 'GET', `/v1/identity-verifications/${id}/setup`, {
		itemIndex,
	})) as IDataObject;
}
