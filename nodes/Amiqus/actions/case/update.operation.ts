import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { caseLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	caseLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Archived',
				name: 'is_archived',
				type: 'boolean',
				default: true,
				description: 'Whether the case is archived',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The name of the case' },
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your own reference for the case; leave empty to clear it',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.positiveInteger('Case', this.getNodeParameter('caseId', itemIndex, '', { extractValue: true }));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.name !== undefined) body.name = check.required('Name', fields.name);
	if (fields.reference !== undefined) body.reference = String(fields.reference ?? '').trim() || null;
	if (fields.is_archived !== undefined) body.is_archived = fields.is_archived === true;
	if (Object.keys(body).length === 0) check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
	return (await amiqusRequest(this, 'PATCH', `/cases/${id}`, { body, itemIndex })) as IDataObject;
}
