import type { INodeProperties } from 'n8n-workflow';

/** The ID of a name correction a client proposed (Client → Get Corrections). */
export const correctionIdField: INodeProperties = {
	displayName: 'Correction ID',
	name: 'correctionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1583',
	description: 'The ID of the correction, as returned by Client → Get Corrections',
};

export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
