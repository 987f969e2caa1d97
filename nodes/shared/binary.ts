import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** The file name the provider suggests in Content-Disposition, if any. */
export function fileNameFromHeaders(headers: IDataObject, fallback: string): string {
	const disposition = String(headers['content-disposition'] ?? '');
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain ? plain[1].trim() : fallback;
}

/** Builds an output item carrying a downloaded file in the given binary property. */
export async function binaryItem(
	ctx: IExecuteFunctions,
	data: Buffer,
	headers: IDataObject,
	fallbackFileName: string,
	binaryProperty: string,
	json: IDataObject,
): Promise<INodeExecutionData> {
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const fileName = fileNameFromHeaders(headers, fallbackFileName);
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return { json: { ...json, fileName, mimeType, fileSize: data.length }, binary: { [binaryProperty]: binary } };
}
