import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { ADDRESS_COUNTRIES, ADDRESS_LINES, addressFields } from './address';

const properties: INodeProperties[] = [clientLocator, ...addressFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['setAddress'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = idOf(this, clientLocator, itemIndex);
	const country = String(this.getNodeParameter('country', itemIndex, '') ?? '')
		.trim()
		.toUpperCase();
	const lines = this.getNodeParameter('addressFields', itemIndex, {}) as IDataObject;
	if (!ADDRESS_COUNTRIES.includes(country)) {
		check.fail(
			'Country',
			`must be a two-letter country code Amiqus knows, got "${country}"`,
			'e.g. GB',
		);
	}
	const body: IDataObject = { country };
	for (const line of ADDRESS_LINES) {
		const value = lines[line.name];
		const text =
			typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		body[line.name] = text || null;
	}
	return (await amiqusRequest(this, 'PUT', `/clients/${id}/address`, {
		body,
		itemIndex,
	})) as IDataObject;
}
