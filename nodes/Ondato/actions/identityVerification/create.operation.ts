import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { hostedFlowLink } from '../../transport/hosts';
import { hostsOf, ondatoRequest } from '../../transport';
import { setupLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	setupLocator,
	{
		displayName: 'External Reference ID',
		name: 'externalReferenceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. user-1234',
		description:
			'Your own ID for this person; Ondato echoes it on the verification and its KYC identification',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Data Ondato prefills on the verification pages',
		options: [
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. LT',
				description: 'ISO 3166-1 alpha-2 code',
			},
			{
				displayName: 'Date of Birth',
				name: 'dateOfBirth',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1990-01-14',
				description: 'Written YYYY-MM-DD',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. nathan@example.com',
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
			{
				displayName: 'Personal Code',
				name: 'personalCode',
				type: 'string',
				default: '',
				description: 'National identification number',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 370624515141',
				description:
					"International number, digits only (a leading + is removed). Sent as a number, as in Ondato's examples.",
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Face Authentication Source ID',
				name: 'faceAuthenticationSourceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 03be8be3-fbd5-4496-b552-bcd3e4918116',
				description:
					'For a face authentication setup: the earlier identity verification to authenticate against. It must be KYC-approved with active liveness, in the same application.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identityVerification'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const setupId = check.uuid(
		'Setup',
		this.getNodeParameter('setupId', itemIndex, '', { extractValue: true }),
	) as string;
	const externalReferenceId = String(
		this.getNodeParameter('externalReferenceId', itemIndex, '') ?? '',
	).trim();
	const registration = this.getNodeParameter('registration', itemIndex, {}) as IDataObject;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const prefill: IDataObject = {};
	const dateOfBirth = check.date('Date of Birth', registration.dateOfBirth, { optional: true });
	if (dateOfBirth) prefill.dateOfBirth = dateOfBirth;
	const email = check.email('Email', registration.email, { optional: true });
	if (email) prefill.email = email;
	for (const key of ['firstName', 'lastName', 'middleName', 'personalCode'] as const) {
		const value = typeof registration[key] === 'string' ? (registration[key] as string).trim() : '';
		if (value) prefill[key] = value;
	}
	const phone = String(registration.phoneNumber ?? '').replace(/[\s()-]/g, '');
	if (phone) {
		if (!/^\+?\d{5,15}$/.test(phone)) {
			check.fail(
				'Phone Number',
				`must be an international phone number of digits, got "${String(registration.phoneNumber)}"`,
				'e.g. 370624515141',
			);
		}
		prefill.phoneNumber = Number(phone.replace(/^\+/, ''));
	}
	const countryCode = check.countryCode('Country Code', registration.countryCode, 2, {
		optional: true,
	});
	if (countryCode) prefill.countryCode = countryCode;

	const body: IDataObject = { setupId };
	if (externalReferenceId) body.externalReferenceId = externalReferenceId;
	if (Object.keys(prefill).length) body.registration = prefill;
	const sourceId = check.uuid(
		'Face Authentication Source ID',
		additional.faceAuthenticationSourceId,
		{ optional: true },
	);
	if (sourceId) body.faceAuthentication = { identityVerificationId: sourceId };

	const created = (await ondatoRequest(this, 'idv', 'POST', '/v1/identity-verifications', {
		body,
		itemIndex,
	})) as IDataObject;
	const id = String(created?.id ?? '');
	if (!id) check.fail('Setup', 'was accepted but Ondato returned no verification ID');
	return {
		...created,
		url: hostedFlowLink(await hostsOf(this), id),
		setupId,
		...(externalReferenceId ? { externalReferenceId } : {}),
	};
}
