import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { InputValidator } from '../../shared/validation';
import { amiqusRequest } from '../transport';

/** A field of an "Update Fields" collection and how its value is checked. */
export interface UpdateField {
	field: INodeProperties;
	/** `email`: a valid address; `required`: not empty. */
	kind: 'email' | 'required';
}

/**
 * An update sent as PATCH with the fields the user added (at least one), each checked
 * in the order given; the collection lists them alphabetically.
 */
export function updateFieldsOperation(resource: string, operation: string, path: string, fields: UpdateField[]) {
	const options = fields.map(({ field }) => field).sort((a, b) => a.displayName.localeCompare(b.displayName));
	const properties: INodeProperties[] = [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options,
		},
	];
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const check = new InputValidator(this.getNode(), itemIndex);
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body: IDataObject = {};
			for (const { field, kind } of fields) {
				if (values[field.name] !== undefined) body[field.name] = check[kind](field.displayName, values[field.name]);
			}
			if (Object.keys(body).length === 0) check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
			return (await amiqusRequest(this, 'PATCH', path, { body, itemIndex })) as IDataObject;
		},
	};
}
