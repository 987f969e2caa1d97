import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';

export class Verigram implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Verigram',
		name: 'verigram',
		icon: { light: 'file:verigram.svg', dark: 'file:verigram.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Run remote identification flows with Verigram: create a flow, read its result, download its files',
		defaults: { name: 'Verigram' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'verigramApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
