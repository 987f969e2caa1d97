import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { returnAllOrLimitOf } from '../../../shared/pagination';
import { InputValidator } from '../../../shared/validation';
import { amiqusList, amiqusRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { chosenTeamId, teamFields } from './fields';

const properties: INodeProperties[] = [
	...teamFields,
	...returnAllOrLimit(),
	{
		displayName:
			"Amiqus documents no pages for another team's members: the node returns the first page Amiqus sends",
		name: 'otherTeamNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { team: ['byId'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['team'], operation: ['getMembers'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const teamId = chosenTeamId(this, check, itemIndex);
	const { returnAll, limit } = returnAllOrLimitOf(this, itemIndex);
	if (teamId === undefined)
		return await amiqusList(this, '/team/members', {}, { returnAll, limit, itemIndex });
	// GET /teams/{teamId}/members declares no page or limit parameter, so none is sent.
	const page = (await amiqusRequest(this, 'GET', `/teams/${teamId}/members`, { itemIndex })) as {
		data?: IDataObject[];
	};
	const members = page.data ?? [];
	return returnAll ? members : members.slice(0, limit);
}
