import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionOptions } from '../../shared/requestOptions';
import { routeOperation } from '../../shared/router';
import * as session from './session/Session.resource';
import { requestOptions } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(
		this,
		{ identityVerificationSession: session },
		executionOptions(this, requestOptions),
	);
}
