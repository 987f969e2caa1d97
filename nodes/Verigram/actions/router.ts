import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionOptions } from '../../shared/requestOptions';
import { routeOperation } from '../../shared/router';
import * as file from './file/File.resource';
import * as flow from './flow/Flow.resource';
import { requestOptions } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, { file, flow }, executionOptions(this, requestOptions));
}
