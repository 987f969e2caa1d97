import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { simplifyProperty, withVerification } from '../../../shared/verdict';
import { getKycIdentification } from '../../transport';
import { kycVerification } from '../../verdict';
import { idField } from '../common.descriptions';

export const kycIdProperty = idField(
	'KYC Identification ID',
	'kycIdentificationId',
	'The step.kycIdentification.id of an identity verification, or the payload ID of a KycIdentification webhook',
);

export const description = updateDisplayOptions(
	{ show: { resource: ['kycIdentification'], operation: ['get'] } },
	[kycIdProperty, simplifyProperty, verdictOnlyProperty] as INodeProperties[],
);

/** What Simplify keeps of the KYC identification besides `verification`. */
const SIMPLE_KEYS = [
	'id',
	'identityVerificationId',
	'applicationId',
	'externalReferenceId',
	'status',
	'statusReason',
	'createdUtc',
	'completedUtc',
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.uuid(
		'KYC Identification ID',
		this.getNodeParameter('kycIdentificationId', itemIndex),
	) as string;
	const kyc = await getKycIdentification(this, id, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return verdictOutput(
		this,
		itemIndex,
		withVerification(kyc, kycVerification(kyc), simplify, SIMPLE_KEYS),
		SIMPLE_KEYS,
	);
}
