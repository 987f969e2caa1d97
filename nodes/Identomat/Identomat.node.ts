import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';

export class Identomat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Identomat',
		name: 'identomat',
		icon: { light: 'file:identomat.svg', dark: 'file:identomat.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Verify identities with Identomat: sessions with documents, liveness, video calls and questionnaires, results and media',
		defaults: { name: 'Identomat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'identomatApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
