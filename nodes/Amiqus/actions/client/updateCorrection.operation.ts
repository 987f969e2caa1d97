import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { correctionIdField } from './corrections';

const properties: INodeProperties[] = [
	clientLocator,
	correctionIdField,
	{
		displayName: 'Decision',
		name: 'status',
		type: 'options',
		options: [
			{
				name: 'Accept',
				value: 'accepted',
				description: "Change the client's name as proposed (or as amended below)",
			},
			{ name: 'Reject', value: 'rejected', description: "Keep the client's name as it is" },
		],
		default: 'accepted',
	},
	{
		displayName: 'Amend Name',
		name: 'amendment',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Change the proposed name before accepting it; parts left out stay as the client proposed them',
		displayOptions: { show: { status: ['accepted'] } },
		options: [
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			{
				displayName: 'Middle Name',
				name: 'middle_name',
				type: 'string',
				default: '',
				description: 'Empty to remove the middle name',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['updateCorrection'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const clientId = idOf(this, clientLocator, itemIndex);
	const correctionId = check.pathId(
		'Correction ID',
		this.getNodeParameter('correctionId', itemIndex),
	);
	const status = check.oneOf('Decision', this.getNodeParameter('status', itemIndex), [
		'accepted',
		'rejected',
	] as const);
	const body: IDataObject = { status };
	if (status === 'accepted') {
		const amendment = this.getNodeParameter('amendment', itemIndex, {}) as IDataObject;
		const correction: IDataObject = {};
		for (const key of ['first_name', 'last_name'] as const) {
			if (key in amendment)
				correction[key] = check.required(
					key === 'first_name' ? 'First Name' : 'Last Name',
					amendment[key],
				);
		}
		if ('middle_name' in amendment)
			correction.middle_name = String(amendment.middle_name ?? '').trim() || null;
		if (Object.keys(correction).length) body.correction = correction;
	}
	return (await amiqusRequest(this, 'PATCH', `/clients/${clientId}/corrections/${correctionId}`, {
		body,
		itemIndex,
	})) as IDataObject;
}
