import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import { pathSegment } from '../../../shared/ids';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { getKycIdentification, ondatoDownload } from '../../transport';
import { kycIdProperty } from './get.operation';

const properties: INodeProperties[] = [
	kycIdProperty,
	{
		displayName: 'Binary Property',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary property each file is written to',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File ID',
				name: 'fileId',
				type: 'string',
				default: '',
				placeholder: 'e.g. e2ec5e00-1c3a-4c8f-9a8e-2c1a3f5b6d7e',
				description: 'Download only this file (a fileId of document.files or additionalFiles)',
			},
			{
				displayName: 'Include Additional Files',
				name: 'includeAdditionalFiles',
				type: 'boolean',
				default: true,
				description: 'Whether to also download additionalFiles such as a proof of address',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['kycIdentification'], operation: ['downloadFiles'] } },
	properties,
);

const MIME_BY_EXTENSION: Record<string, string> = {
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	png: 'image/png',
	pdf: 'application/pdf',
};

/**
 * The file endpoint's answer format is not documented: image bytes are used as they are; a JSON
 * answer carrying base64 content (one of the usual field names) is decoded.
 */
function fileBytes(body: Buffer, headers: IDataObject): { data: Buffer; headers: IDataObject } {
	const type = String(headers['content-type'] ?? '');
	if (!/json/i.test(type)) return { data: body, headers };
	let parsed: IDataObject = {};
	try {
		parsed = JSON.parse(body.toString('utf8')) as IDataObject;
	} catch {
		return { data: body, headers };
	}
	const field = ['content', 'data', 'file', 'fileContent', 'base64'].find(
		(key) => typeof parsed[key] === 'string',
	);
	if (!field) return { data: body, headers };
	const mime =
		typeof parsed.contentType === 'string' ? parsed.contentType : 'application/octet-stream';
	const name = typeof parsed.fileName === 'string' ? `; filename="${parsed.fileName}"` : '';
	return {
		data: Buffer.from(parsed[field] as string, 'base64'),
		headers: {
			'content-type': mime,
			...(name ? { 'content-disposition': `attachment${name}` } : {}),
		},
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const id = check.uuid(
		'KYC Identification ID',
		this.getNodeParameter('kycIdentificationId', itemIndex),
	) as string;
	const binaryProperty = check.required(
		'Binary Property',
		this.getNodeParameter('binaryPropertyName', itemIndex),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const onlyFileId = check.uuid('File ID', options.fileId, { optional: true });

	const kyc = await getKycIdentification(this, id, itemIndex);
	const documentFiles = (((kyc.document ?? {}) as IDataObject).files ?? []) as IDataObject[];
	const additionalFiles =
		options.includeAdditionalFiles === false ? [] : ((kyc.additionalFiles ?? []) as IDataObject[]);
	let files = [...documentFiles, ...additionalFiles].filter(
		(file) => file && typeof file.fileId === 'string',
	);
	if (onlyFileId) {
		files = files.filter((file) => String(file.fileId).toLowerCase() === onlyFileId);
		if (!files.length) check.fail('File ID', `is not a file of KYC identification ${id}`);
	}

	const items: INodeExecutionData[] = [];
	for (const file of files) {
		const fileId = String(file.fileId);
		const response = await ondatoDownload(
			this,
			`/v1/identifications/${id}/files/${pathSegment(fileId)}`,
			itemIndex,
		);
		const { data, headers } = fileBytes(response.body as Buffer, response.headers);
		const extension = String(file.fileExtension ?? '').toLowerCase();
		const typed =
			headers['content-type'] && !/octet-stream/.test(String(headers['content-type']))
				? headers
				: {
						...headers,
						'content-type': MIME_BY_EXTENSION[extension] ?? 'application/octet-stream',
					};
		items.push(
			await binaryItem(
				this,
				data,
				typed,
				String(file.fileName ?? `${fileId}.${extension || 'bin'}`),
				binaryProperty,
				{
					kycIdentificationId: id,
					identityVerificationId: kyc.identityVerificationId ?? null,
					...file,
				},
			),
		);
	}
	return items.length ? items : [{ json: { kycIdentificationId: id, files: 0 } }];
}
