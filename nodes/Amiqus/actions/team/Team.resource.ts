import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMember from './getMember.operation';
import * as getMembers from './getMembers.operation';
import * as getMembership from './getMembership.operation';
import * as update from './update.operation';

export { get, getMember, getMembers, getMembership, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the team the token belongs to',
				action: 'Get the current team',
			},
			{
				name: 'Get Member',
				value: 'getMember',
				description: 'Get one member of a team with their role',
				action: 'Get a team member',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List the members of the current team or of another team of the user',
				action: 'Get many team members',
			},
			{
				name: 'Get My Membership',
				value: 'getMembership',
				description: "Get the role of the token's user in the current team",
				action: 'Get my team membership',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the contact email or telephone of the current team (owners only)',
				action: 'Update the current team',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
	...getMembership.description,
	...getMembers.description,
	...getMember.description,
];
