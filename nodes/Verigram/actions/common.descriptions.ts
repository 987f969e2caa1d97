import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../shared/validation';

/** A flow, by its ID or by its vlink (https://web.verigram.kz/hf2/{flow_id}/). Verigram has no route that lists flows. */
export const flowLocator: INodeProperties = {
	displayName: 'Flow',
	name: 'flowId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The flow, as returned by Create (flow_id) or its vlink',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3e8a19be-582e-4046-a59c-29489fea45f2',
		},
		{
			displayName: 'By Vlink',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://web.verigram.kz/hf2/3e8a19be-582e-4046-a59c-29489fea45f2/',
			extractValue: { type: 'regex', regex: '/hf2/([^/?#]+)' },
			validation: [
				{
					type: 'regex',
					properties: { regex: '.*/hf2/[^/?#]+.*', errorMessage: 'Not a Verigram vlink' },
				},
			],
		},
	],
};

/** The flow of the Flow locator, checked as a path segment (it goes into the URL). */
export function flowIdOf(ctx: IExecuteFunctions, check: InputValidator, itemIndex: number): string {
	return check.pathId(
		'Flow',
		ctx.getNodeParameter('flowId', itemIndex, '', { extractValue: true }),
	);
}
