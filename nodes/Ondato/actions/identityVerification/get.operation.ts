import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { verdictOnlyProperty, verdictOutput } from '../../../shared/personalData';
import { InputValidator } from '../../../shared/validation';
import { getIdentityVerification, getKycIdentification, kycIdOf } from '../../transport';
import { idvVerification } from '../../verdict';
import { idField } from '../common.descriptions';

const properties: INodeProperties[] = [
	idField(
		'Identity Verification ID',
		'identityVerificationId',
		'The ID returned when the verification was created',
	),
	verdictOnlyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include KYC Identification',
				name: 'includeKycIdentification',
				type: 'boolean',
				default: false,
				description:
					'Whether to also read the KYC identification of the session (one more request) so the verdict reflects its approval or rejection',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerification'], operation: ['get'] } },
	properties,
);

/** What Simplify keeps of the identity verification besides `verification`. */
export const IDV_KEYS = [
	'id',
	'setupId',
	'externalReferenceId',
	'status',
	'createdUtc',
	'modifiedUtc',
	'completedUtc',
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.uuid(
		'Identity Verification ID',
		this.getNodeParameter('identityVerificationId', itemIndex),
	) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const idv = await getIdentityVerification(this, id, itemIndex);
	const kycId = kycIdOf(idv);
	if (options.includeKycIdentification && typeof kycId === 'string') {
		const kyc = await getKycIdentification(this, kycId, itemIndex);
		return verdictOutput(
			this,
			itemIndex,
			{
				...idv,
				kycIdentification: kyc,
				verification: idvVerification(idv, kyc) as unknown as IDataObject,
			},
			IDV_KEYS,
		);
	}
	return verdictOutput(
		this,
		itemIndex,
		{ ...idv, verification: idvVerification(idv) as unknown as IDataObject },
		IDV_KEYS,
	);
}
