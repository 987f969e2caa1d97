import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { amiqusDownload } from '../../transport';
import { binaryPropertyField, clientLocator } from '../common.descriptions';
import { idOf } from '../idList';
import { fileIdField } from './fields';

const properties: INodeProperties[] = [
	clientLocator,
	fileIdField('The ID of the client file, as returned by Client File → Get Many'),
	binaryPropertyField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['clientFile'], operation: ['download'] } },
	properties,
);

/** What the antivirus states of Amiqus mean for the person running the workflow. */
const SCAN_STATES: Record<string, { message: string; description: string }> = {
	'410': {
		message:
			'Amiqus: The file cannot be downloaded because its virus scan found a threat (HTTP 410)',
		description:
			'Amiqus keeps infected files from being downloaded. Ask the person to upload the file again.',
	},
	'423': {
		message:
			'Amiqus: The file cannot be downloaded yet because its virus scan is not finished (HTTP 423)',
		description: 'Try again in a few minutes, e.g. with a Wait node before this one.',
	},
};

/** Gives the antivirus answers (410, 423) a message that says what happened and what to do. */
function explainScanState(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (!(error instanceof NodeApiError))
		return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	const state = SCAN_STATES[String(error.httpCode)];
	if (state) {
		const theirs = /\(HTTP \d+\): (.*)$/.exec(error.message)?.[1];
		error.message = theirs ? `${state.message}: ${theirs}` : state.message;
		error.description = state.description;
	}
	return error;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const clientId = idOf(this, clientLocator, itemIndex);
	const fileId = check.positiveInteger('File ID', this.getNodeParameter('fileId', itemIndex));
	const property = check.required(
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);
	let response;
	try {
		response = await amiqusDownload(
			this,
			`/clients/${clientId}/files/${fileId}/download`,
			itemIndex,
		);
	} catch (error) {
		throw explainScanState(this, error, itemIndex);
	}
	return await binaryItem(
		this,
		response.body as Buffer,
		response.headers,
		`client-file-${fileId}`,
		property,
		{
			clientId,
			fileId,
		},
	);
}
