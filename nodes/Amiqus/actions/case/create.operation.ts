import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator, nameField } from '../common.descriptions';
import { idOf } from '../idList';

const properties: INodeProperties[] = [
	clientLocator,
	nameField('e.g. Full-time onboarding', 'The name of the case'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your own reference for the case',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['case'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const client = idOf(this, clientLocator, itemIndex);
	const name = check.required('Name', this.getNodeParameter('name', itemIndex));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { client, name };
	const reference = String(additional.reference ?? '').trim();
	if (reference) body.reference = reference;
	return (await amiqusRequest(this, 'POST', '/cases', { body, itemIndex })) as IDataObject;
}
