import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/requestOptions';

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

/** Every parameter of the Amiqus node: authentication, resource, then each resource's operations. */
export const requestOptions = requestOptionsProperty(
	'Amiqus',
	'Amiqus limits the requests of each user per minute and every concurrent item counts toward it, so keep this low when other workflows use the same account.',
);

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Personal Access Token', value: 'accessToken' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'accessToken',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Attachment', value: 'attachment' },
			{ name: 'Case', value: 'case' },
			{ name: 'Check', value: 'check' },
			{ name: 'Client', value: 'client' },
			{ name: 'Client File', value: 'clientFile' },
			{ name: 'Client Organisation', value: 'clientOrganisation' },
			{ name: 'Document', value: 'document' },
			{ name: 'Document Template', value: 'documentTemplate' },
			{ name: 'Email Template', value: 'emailTemplate' },
			{ name: 'File', value: 'file' },
			{ name: 'Form', value: 'form' },
			{ name: 'Form Template', value: 'formTemplate' },
			{ name: 'Organisation', value: 'organisation' },
			{ name: 'Record', value: 'record' },
			{ name: 'Record Template', value: 'recordTemplate' },
			{ name: 'Step', value: 'step' },
			{ name: 'Step Review', value: 'review' },
			{ name: 'Team', value: 'team' },
			{ name: 'Webhook', value: 'webhook' },
		],
		default: 'client',
	},
	...client.description,
	...record.description,
	...step.description,
	...check.description,
	...review.description,
	...clientFile.description,
	...recordTemplate.description,
	...organisation.description,
	...clientOrganisation.description,
	...caseResource.description,
	...attachment.description,
	...document.description,
	...file.description,
	...form.description,
	...account.description,
	...documentTemplate.description,
	...emailTemplate.description,
	...formTemplate.description,
	...team.description,
	...webhook.description,
	requestOptions,
];
