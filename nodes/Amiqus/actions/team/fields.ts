import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';

/** "Current Team" or another team of the user by its ID (Account → Get My Teams lists them). */
export const teamFields: INodeProperties[] = [
	{
		displayName: 'Team',
		name: 'team',
		type: 'options',
		options: [
			{ name: 'Current Team', value: 'current', description: 'The team the token belongs to' },
			{
				name: 'By ID',
				value: 'byId',
				description: 'Another team of the user, as Account → Get My Teams lists them',
			},
		],
		default: 'current',
	},
	{
		displayName: 'Team ID',
		name: 'teamId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { team: ['byId'] } },
	},
];

/** The chosen team's ID, or undefined for the current team. */
export function chosenTeamId(
	ctx: IExecuteFunctions,
	check: InputValidator,
	itemIndex: number,
): number | undefined {
	if (ctx.getNodeParameter('team', itemIndex, 'current') !== 'byId') return undefined;
	return check.positiveInteger('Team ID', ctx.getNodeParameter('teamId', itemIndex));
}

/** The ID of the team the token belongs to (GET /team). */
export async function currentTeamId(ctx: IExecuteFunctions, itemIndex: number): Promise<number> {
	const team = (await amiqusRequest(ctx, 'GET', '/team', { itemIndex })) as { id: number };
	return team.id;
}
