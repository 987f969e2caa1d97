import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { InputValidator } from '../../shared/validation';
import { amiqusRequest } from '../transport';

/** One Amiqus create (POST) with an Additional Fields collection, declared by what differs from the others. */
export interface CreateSpec {
	resource: string;
	path: string;
	/** The fields above Additional Fields, each read by its name. */
	fields: INodeProperties[];
	/** The options of the Additional Fields collection. */
	additional: INodeProperties[];
	/** The request body from the Additional Fields and the fields (by name), each checked. */
	body: (check: InputValidator, values: IDataObject) => IDataObject;
}

/**
 * What the user gave: the options added to a collection, then each field by its name (a field wins
 * over an option of the same name).
 */
export function valuesOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	fields: INodeProperties[],
): IDataObject {
	const values = { ...(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	for (const field of fields) values[field.name] = ctx.getNodeParameter(field.name, itemIndex);
	return values;
}

/** The description and `execute` of a create: the fields, Additional Fields, then POST. */
export function createOperation(spec: CreateSpec) {
	const properties: INodeProperties[] = [
		...spec.fields,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: spec.additional,
		},
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: ['create'] } },
			properties,
		),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const check = new InputValidator(this.getNode(), itemIndex);
			const body = spec.body(check, valuesOf(this, itemIndex, 'additionalFields', spec.fields));
			return (await amiqusRequest(this, 'POST', spec.path, { body, itemIndex })) as IDataObject;
		},
	};
}
