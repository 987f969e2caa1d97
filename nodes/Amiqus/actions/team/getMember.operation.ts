import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';
import { chosenTeamId, currentTeamId, teamFields } from './fields';

const properties: INodeProperties[] = [
	...teamFields,
	{
		displayName: 'Team Member ID',
		name: 'memberId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The ID of the team member, as Team → Get Members shows it',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['team'], operation: ['getMember'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const memberId = check.positiveInteger(
		'Team Member ID',
		this.getNodeParameter('memberId', itemIndex),
	);
	const teamId = chosenTeamId(this, check, itemIndex) ?? (await currentTeamId(this, itemIndex));
	return (await amiqusRequest(this, 'GET', `/teams/${teamId}/members/${memberId}`, {
		itemIndex,
	})) as IDataObject;
}
