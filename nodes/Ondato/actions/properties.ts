import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/requestOptions';
import * as faceAuthentication from './faceAuthentication/FaceAuthentication.resource';
import * as identityVerification from './identityVerification/IdentityVerification.resource';
import * as idvSetup from './idvSetup/IdvSetup.resource';
import * as kycIdentification from './kycIdentification/KycIdentification.resource';

export const requestOptions = requestOptionsProperty(
	'Ondato',
	'Ondato documents no rate limit: raise this with care.',
	1,
);

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Face Authentication', value: 'faceAuthentication' },
			{ name: 'IDV Setup', value: 'idvSetup' },
			{ name: 'Identity Verification', value: 'identityVerification' },
			{ name: 'KYC Identification', value: 'kycIdentification' },
		],
		default: 'identityVerification',
	},
	...identityVerification.description,
	...idvSetup.description,
	...kycIdentification.description,
	...faceAuthentication.description,
	requestOptions,
];
