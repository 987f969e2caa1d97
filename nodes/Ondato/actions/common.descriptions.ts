import type { INodeProperties } from 'n8n-workflow';

/** Resource locator for an IDV setup: pick from the list (POST .../identity-verification-setups/filter) or give its ID. */
export const setupLocator: INodeProperties = {
	displayName: 'Setup',
	name: 'setupId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The IDV setup (not the KYC setup) that defines the steps of the verification',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSetups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		},
	],
};

/** A UUID typed or mapped by the user. */
export function idField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6',
		description,
	};
}
