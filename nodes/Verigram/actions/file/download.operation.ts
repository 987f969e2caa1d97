import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { downloadFlowFile } from '../../transport';
import { flowIdOf, flowLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	flowLocator,
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: 'signed_doc',
		required: true,
		description:
			'Which file of the flow (label). signed_doc, the document signed in the esign step, is the label public integrations use; Verigram does not publish the list of labels.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['download'] } },
	properties,
);

/** GET /resources/file?label=...&flow_id=...; a JSON body with error_code is an error, not a file. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const flowId = flowIdOf(this, check, itemIndex);
	const label = check.required('Label', this.getNodeParameter('label', itemIndex, 'signed_doc'));
	const property = check.required(
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);
	const response = await downloadFlowFile(this, flowId, label, itemIndex);
	const body = response.body as Buffer;
	if (String(response.headers['content-type'] ?? '').includes('json')) {
		let parsed: IDataObject = {};
		try {
			parsed = JSON.parse(body.toString('utf8')) as IDataObject;
		} catch (error) {
			parsed = {
				message: `Verigram sent JSON that could not be read: ${(error as Error).message}`,
			};
		}
		if (parsed.error_code !== undefined || parsed.message !== undefined) {
			throw new NodeApiError(this.getNode(), parsed as never, {
				message: `Verigram: no file "${label}" was returned: ${String(parsed.message ?? parsed.error_code)}`,
				itemIndex,
			});
		}
	}
	const extension = String(response.headers['content-type'] ?? '').includes('pdf') ? '.pdf' : '';
	return await binaryItem(
		this,
		body,
		response.headers,
		`${label}_${flowId}${extension}`,
		property,
		{ flowId, label },
	);
}
