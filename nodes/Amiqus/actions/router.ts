import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionOptions } from '../../shared/requestOptions';
import { routeOperation } from '../../shared/router';
import * as attachment from './attachment/Attachment.resource';
import * as caseResource from './case/Case.resource';
import * as check from './check/Check.resource';
import * as client from './client/Client.resource';
import * as clientFile from './clientFile/ClientFile.resource';
import * as clientOrganisation from './clientOrganisation/ClientOrganisation.resource';
import * as document from './document/Document.resource';
import * as file from './file/File.resource';
import * as form from './form/Form.resource';
import * as organisation from './organisation/Organisation.resource';
import * as record from './record/Record.resource';
import * as recordTemplate from './recordTemplate/RecordTemplate.resource';
import * as review from './review/Review.resource';
import * as step from './step/Step.resource';
import { requestOptions } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(
		this,
		{
			attachment,
			case: caseResource,
			check,
			client,
			clientFile,
			clientOrganisation,
			document,
			file,
			form,
			organisation,
			record,
			recordTemplate,
			review,
			step,
		},
		executionOptions(this, requestOptions),
	);
}
