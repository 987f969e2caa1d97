import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** Percent-decoding that never throws: a malformed escape leaves the text as it was. */
function decodeSafely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * A file name safe to hand on: the base name only (no folders, so `../../config` is `config`),
 * without control characters; `fallback` when nothing usable is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
	const base = Array.from(name.split(/[/\\]/).pop() ?? '')
		.filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
		.join('')
		.trim();
	if (base && !/^\.+$/.test(base)) return base.slice(0, 255);
	return fallback === name ? 'file' : safeFileName(fallback, 'file');
}

/** The file name the provider suggests in Content-Disposition (base name only), or `fallback`. */
export function fileNameFromHeaders(headers: IDataObject, fallback: string): string {
	const disposition = String(headers['content-disposition'] ?? '');
	const star = /filename\*=(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition);
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	const name = star
		? decodeSafely(star[1].trim().replace(/^"|"$/g, ''))
		: plain
			? plain[1].trim()
			: '';
	return safeFileName(name, fallback);
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
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream')
		.split(';')[0]
		.trim();
	const fileName = fileNameFromHeaders(headers, fallbackFileName);
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return {
		json: { ...json, fileName, mimeType, fileSize: data.length },
		binary: { [binaryProperty]: binary },
	};
}
