import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';
import {
	searchCases,
	searchClients,
	searchOrganisations,
	searchRecords,
} from './methods/listSearch';

export class Amiqus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amiqus',
		name: 'amiqus',
		icon: { light: 'file:amiqus.svg', dark: 'file:amiqus.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run identity checks with Amiqus: clients, organisations, records, cases, steps, checks, reviews and files',
		defaults: { name: 'Amiqus' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'amiqusApi',
				required: true,
				displayOptions: { show: { authentication: ['accessToken'] } },
			},
			{
				name: 'amiqusOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { listSearch: { searchCases, searchClients, searchOrganisations, searchRecords } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
