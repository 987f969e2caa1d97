import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../shared/execute';
import { InputValidator } from '../../shared/validation';
import { amiqusRequest } from '../transport';
import { valuesOf } from './createOperation';

/** One Amiqus update (PATCH), declared by what differs from the others. */
export interface UpdateSpec {
	resource: string;
	/** The node's operation value; `update` unless said. */
	operation?: string;
	/** The parameter naming what is updated (a resource locator or a number field, unless `readTarget`). */
	target?: INodeProperties;
	/** How the target's value is checked; a positive whole number unless said. */
	readTarget?: (check: InputValidator, value: unknown) => string | number;
	/** The path, fixed or built from the target's ID. */
	path: string | ((id: string | number) => string);
	/** Fields asked on every update, above Update Fields, each read by its name into the body's values. */
	required?: INodeProperties[];
	/** The options of the Update Fields collection (listed alphabetically). */
	fields: INodeProperties[];
	/** The request body from the fields the user added, each checked. */
	body: (check: InputValidator, values: IDataObject) => IDataObject;
}

/** The description and `execute` of an update: the target, Update Fields (at least one), then PATCH. */
export function updateOperation(spec: UpdateSpec) {
	const options = [...spec.fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
	const properties: INodeProperties[] = [
		...(spec.target ? [spec.target] : []),
		...(spec.required ?? []),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options,
		},
	];
	const show = { resource: [spec.resource], operation: [spec.operation ?? 'update'] };
	return {
		description: updateDisplayOptions({ show }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
			const check = new InputValidator(this.getNode(), itemIndex);
			let path = spec.path;
			if (spec.target && typeof path === 'function') {
				const value = this.getNodeParameter(spec.target.name, itemIndex, '', {
					extractValue: true,
				});
				path = path(
					spec.readTarget
						? spec.readTarget(check, value)
						: check.positiveInteger(spec.target.displayName, value),
				);
			}
			const body = spec.body(check, valuesOf(this, itemIndex, 'updateFields', spec.required ?? []));
			if (Object.keys(body).length === 0)
				check.fail('Update Fields', 'is empty', 'Add at least one field to change.');
			return (await amiqusRequest(this, 'PATCH', path as string, {
				body,
				itemIndex,
			})) as IDataObject;
		},
	};
}
