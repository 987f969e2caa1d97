import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { stepFromBuilder, stepsBuilder, validateStep } from '../record/steps';

const properties: INodeProperties[] = [
	{
		displayName:
			'Amiqus checks the steps and returns what each costs, without creating anything. Record → Create adds steps to a new record.',
		name: 'validateNotice',
		type: 'notice',
		default: '',
	},
	stepsBuilder,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['step'], operation: ['validate'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const builder = this.getNodeParameter('steps', itemIndex, {}) as IDataObject;
	const entries = Array.isArray(builder.step) ? (builder.step as IDataObject[]) : [];
	const steps = entries.map((entry, i) =>
		validateStep(check, stepFromBuilder(entry), `Steps › Step ${i + 1}`),
	);
	if (steps.length === 0)
		check.fail('Steps', 'needs at least one step', 'Add a step, e.g. Photo ID.');
	return (await amiqusRequest(this, 'POST', '/steps', {
		body: { steps },
		idempotent: true,
		itemIndex,
	})) as IDataObject;
}
