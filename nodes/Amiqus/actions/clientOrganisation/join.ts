import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { clientLocator } from '../common.descriptions';
import { idList, idOf } from '../idList';

export const organisationIdsField: INodeProperties = {
	displayName: 'Organisation IDs',
	name: 'organisationIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3970, 4117',
	description: 'The IDs of the organisations, separated by commas (at most 100)',
};

/** Organisations in one request: Amiqus sets no maximum; this keeps one item's request reasonable. */
const MAX_ORGANISATIONS = 100;

/** Add (POST) or Replace (PUT): only the organisations newly joined come back (none when nothing changed). */
export function join(method: 'POST' | 'PUT') {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
		const check = new InputValidator(this.getNode(), itemIndex);
		const id = idOf(this, clientLocator, itemIndex);
		const body = idList(
			check,
			'Organisation IDs',
			this.getNodeParameter('organisationIds', itemIndex),
			MAX_ORGANISATIONS,
		);
		const response = (await amiqusRequest(this, method, `/clients/${id}/organisations`, {
			body,
			itemIndex,
		})) as IDataObject | undefined;
		return { client: id, added: (response?.data as IDataObject[] | undefined) ?? [] };
	};
}
