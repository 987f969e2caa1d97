import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import { safeFileName } from './binary';

/** A `multipart/form-data` body carrying one file, and the header that goes with it. */
export interface MultipartFile {
	body: Buffer;
	contentType: string;
	fileName: string;
	mimeType: string;
	fileSize: number;
}

/** Quotes a value for a Content-Disposition parameter (no quotes, backslashes or line breaks). */
function quoted(value: string): string {
	return `"${value.replace(/["\\\r\n]/g, '_')}"`;
}

/**
 * Builds a one-file `multipart/form-data` body from a binary property of an input item, read
 * through n8n's binary helpers. The body is allocated once at its final size and the file is
 * written straight into it: from the item's base64 (binary data kept in memory) or chunk by
 * chunk from n8n's binary store (filesystem, database, S3), so the file is never held twice.
 */
export async function multipartFromBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
	fieldName: string,
): Promise<MultipartFile> {
	const binary: IBinaryData = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const fileName = safeFileName(binary.fileName ?? '', 'file');
	const mimeType = binary.mimeType || 'application/octet-stream';
	const boundary = `----n8nFormBoundary${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(fieldName)}; filename=${quoted(fileName)}\r\n` +
			`Content-Type: ${mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const contentType = `multipart/form-data; boundary=${boundary}`;

	if (!binary.id) {
		const fileSize = Buffer.byteLength(binary.data, 'base64');
		const body = Buffer.allocUnsafe(head.length + fileSize + tail.length);
		head.copy(body, 0);
		const written = body.write(binary.data, head.length, fileSize, 'base64');
		tail.copy(body, head.length + written);
		return {
			body: body.subarray(0, head.length + written + tail.length),
			contentType,
			fileName,
			mimeType,
			fileSize: written,
		};
	}

	const { fileSize } = await ctx.helpers.getBinaryMetadata(binary.id);
	const stream = await ctx.helpers.getBinaryStream(binary.id);
	const body = Buffer.allocUnsafe(head.length + fileSize + tail.length);
	head.copy(body, 0);
	let offset = head.length;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		if (offset + chunk.length > head.length + fileSize) {
			throw new Error(
				`The file in "${binaryPropertyName}" is larger than n8n's binary store says (${fileSize} bytes)`,
			);
		}
		offset += chunk.copy(body, offset);
	}
	tail.copy(body, offset);
	return {
		body: body.subarray(0, offset + tail.length),
		contentType,
		fileName,
		mimeType,
		fileSize: offset - head.length,
	};
}
