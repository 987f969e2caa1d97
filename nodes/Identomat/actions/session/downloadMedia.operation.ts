import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryItem } from '../../../shared/binary';
import type { OperationResult } from '../../../shared/execute';
import { InputValidator } from '../../../shared/validation';
import { identomatRequest } from '../../transport';
import { sessionToken, sessionTokenField } from '../common.descriptions';

/** Media endpoints under /external-api/ ("Accessing Data and More"). */
const MEDIA: Record<string, { path: string; fileName: string }> = {
	cardBack: { path: 'result/card-back/', fileName: 'card-back.jpg' },
	cardFront: { path: 'result/card-front/', fileName: 'card-front.jpg' },
	face: { path: 'result/face/', fileName: 'face.jpg' },
	faceVideo: { path: 'result/face-video/', fileName: 'face-video.webm' },
	passport: { path: 'result/passport/', fileName: 'passport.jpg' },
};

const properties: INodeProperties[] = [
	sessionTokenField,
	{
		displayName: 'Media',
		name: 'media',
		type: 'options',
		options: [
			{
				name: 'Card Back',
				value: 'cardBack',
				description: 'Back of the ID card (result/card-back/)',
			},
			{
				name: 'Card Front',
				value: 'cardFront',
				description: 'Front of the ID card (result/card-front/)',
			},
			{ name: 'Face', value: 'face', description: 'Face image (result/face/)' },
			{
				name: 'Face Video',
				value: 'faceVideo',
				description: 'Face motion video (result/face-video/)',
			},
			{
				name: 'Passport',
				value: 'passport',
				description: 'Passport photo page (result/passport/)',
			},
		],
		default: 'cardFront',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['downloadMedia'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const token = sessionToken(check, this.getNodeParameter('session', itemIndex));
	const media = check.oneOf('Media', this.getNodeParameter('media', itemIndex), Object.keys(MEDIA));
	const binaryProperty = check.required(
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex),
	);
	const { path, fileName } = MEDIA[media];
	const response = await identomatRequest(
		this,
		path,
		{ session_token: token },
		{ itemIndex, file: true },
	);
	return await binaryItem(this, response.raw, response.headers, fileName, binaryProperty, {
		session_token: token,
		media,
	});
}
