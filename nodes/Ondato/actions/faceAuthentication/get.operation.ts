import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { ondatoRequest } from '../../transport';
import { faceAuthVerification } from '../../verdict';
import { idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField(
		'Face Authentication ID',
		'faceAuthenticationId',
		'The step.faceAuthentication.id of an identity verification created with a face authentication setup',
	),
	verdictOnlyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['faceAuthentication'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.uuid(
		'Face Authentication ID',
		this.getNodeParameter('faceAuthenticationId', itemIndex),
	) as string;
	const faceAuthentication = (await ondatoRequest(
		this,
		'faceAuth',
		'GET',
		`/v1/face-authentications/${id}`,
		{ itemIndex },
	)) as IDataObject;
	const item = {
		...faceAuthentication,
		verification: faceAuthVerification(faceAuthentication) as unknown as IDataObject,
	};
	return verdictOutput(this, itemIndex, item, [
		'id',
		'identityVerificationId',
		'status',
		'createdUtc',
		'completedUtc',
	]);
}
