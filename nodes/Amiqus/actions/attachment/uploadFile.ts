import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { multipartFromBinary } from '../../../shared/multipart';
import type { InputValidator } from '../../../shared/validation';
import { amiqusRequest } from '../../transport';

/** The binary property an upload reads its file from. */
export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field holding the file to upload',
	description:
		'Amiqus takes PDF, DOCX, DOC, XLSX, XLS, CSV, TXT, JPG, PNG, TIFF and ZIP files of up to 100 MB',
};

/**
 * Uploads the file of an input item to Amiqus (`POST /attachments`, multipart field `attachment`)
 * and returns the attachment Amiqus created.
 */
export async function uploadAttachment(
	ctx: IExecuteFunctions,
	check: InputValidator,
	itemIndex: number,
): Promise<IDataObject> {
	const property = check.required(
		'Input Binary Field',
		ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);
	const file = await multipartFromBinary(ctx, itemIndex, property, 'attachment');
	return (await amiqusRequest(ctx, 'POST', '/attachments', {
		body: file.body,
		headers: { 'Content-Type': file.contentType, 'Content-Length': String(file.body.length) },
		itemIndex,
	})) as IDataObject;
}
