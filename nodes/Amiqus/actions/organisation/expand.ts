import type { INodeProperties } from 'n8n-workflow';

/** `expand` of an organisation: its assignees and clients in full instead of their IDs. */
export const organisationExpandOption: INodeProperties = {
	displayName: 'Include',
	name: 'expand',
	type: 'multiOptions',
	options: [
		{ name: 'Assignees', value: 'assignees', description: 'The assigned team members in full' },
		{ name: 'Clients', value: 'clients', description: 'The clients of the organisation in full' },
	],
	default: [],
	description: 'What to return in full instead of as IDs',
};
