import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';
import { searchSetups } from './methods/listSearch';

export class Ondato implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ondato',
		name: 'ondato',
		icon: { light: 'file:ondato.svg', dark: 'file:ondato.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Verify identities with Ondato: identity verifications, setups, KYC identifications and face authentications',
		defaults: { name: 'Ondato' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ondatoApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchSetups } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
