import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionOptions } from '../../shared/requestOptions';
import { routeOperation } from '../../shared/router';
import * as account from './account/Account.resource';
import * as attachment from './attachment/Attachment.resource';
import * as caseResource from './case/Case.resource';
import * as check from './check/Check.resource';
import * as client from './client/Client.resource';
import * as clientFile from './clientFile/ClientFile.resource';
import * as clientOrganisation from './clientOrganisation/ClientOrganisation.resource';
import * as document from './document/Document.resource';
import * as documentTemplate from './documentTemplate/DocumentTemplate.resource';
import * as emailTemplate from './emailTemplate/EmailTemplate.resource';
import * as file from './file/File.resource';
import * as form from './form/Form.resource';
import * as formTemplate from './formTemplate/FormTemplate.resource';
import * as organisation from './organisation/Organisation.resource';
import * as record from './record/Record.resource';
import * as recordTemplate from './recordTemplate/RecordTemplate.resource';
import * as review from './review/Review.resource';
import * as step from './step/Step.resource';
import * as team from './team/Team.resource';
import * as webhook from './webhook/Webhook.resource';
import { requestOptions } from './properties';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(
		this,
		{
			account,
			attachment,
			case: caseResource,
			check,
			client,
			clientFile,
			clientOrganisation,
			document,
			documentTemplate,
			emailTemplate,
			file,
			form,
			formTemplate,
			organisation,
			record,
			recordTemplate,
			review,
			step,
			team,
			webhook,
		},
		executionOptions(this, requestOptions),
	);
}
