import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionOptions } from '../../shared/requestOptions';
import { routeOperation } from '../../shared/router';
import * as faceAuthentication from './faceAuthentication/FaceAuthentication.resource';
import * as identityVerification from './identityVerification/IdentityVerification.resource';
import * as idvSetup from './idvSetup/IdvSetup.resource';
import * as kycIdentification from './kycIdentification/KycIdentification.resource';
import { requestOptions } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(
		this,
		{ faceAuthentication, identityVerification, idvSetup, kycIdentification },
		executionOptions(this, requestOptions),
	);
}
