import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { recordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	recordLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Client',
				name: 'expandClient',
				type: 'boolean',
				default: true,
				description: 'Whether to return the whole client object instead of its ID',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Record', this.getNodeParameter('recordId', itemIndex, '', { extractValue: true }));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = options.expandClient ? { expand: 'client' } : {};
	return (await amiqusRequest(this, 'GET', `/records/${id}`, { qs, itemIndex })) as IDataObject;
}
