'use strict';
// Real-n8n e2e of an Amiqus upload (run by test/e2e/providers/amiqus.js): a file made by n8n's own Convert to File
// node (so it lives in n8n's binary store, read back as a stream) is uploaded with Attachment → Upload,
// and a Document Transfer step of Record → Create takes the attachment ID with an expression.
const { nodeType, nodeOutput } = require('../../n8n');
const { chain, CRED } = require('../../workflows');

const ID = 'e2eAmiqusAttch1';
const LETTER = 'Engagement letter for Ada Lovelace.\nPlease sign and return it.\n';
const amiqus = (name, parameters) => ({
	name,
	type: nodeType('amiqus'),
	credentials: { amiqusApi: { id: CRED.id, name: CRED.name } },
	parameters,
});
const byId = (value) => ({ __rl: true, mode: 'id', value });

function workflows() {
	return [
		chain(ID, 'e2e: Amiqus attachment upload → Document Transfer step', [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			amiqus('Create Client', {
				resource: 'client',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada.letter@example.com',
			}),
			{
				name: 'Letter Text',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: {
						assignments: [{ id: 'letter-text', name: 'text', value: LETTER, type: 'string' }],
					},
					options: {},
				},
			},
			{
				name: 'Letter File',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				parameters: {
					operation: 'toText',
					sourceProperty: 'text',
					binaryPropertyName: 'letter',
					options: { fileName: 'engagement-letter.txt' },
				},
			},
			amiqus('Upload Attachment', {
				resource: 'attachment',
				operation: 'upload',
				binaryPropertyName: 'letter',
			}),
			amiqus('Create Record', {
				resource: 'record',
				operation: 'create',
				clientId: byId("={{ $('Create Client').item.json.id }}"),
				createFrom: 'steps',
				steps: {
					step: [
						{
							type: 'document.transfer',
							documentSource: 'new',
							documentName: 'Engagement letter',
							attachment: "={{ $('Upload Attachment').item.json.id }}",
							requireReturn: true,
							returnMessage: 'Signed letter',
						},
					],
				},
				notification: 'none',
			}),
			amiqus('Record Documents', {
				resource: 'record',
				operation: 'getDocuments',
				recordId: byId('={{ $json.id }}'),
				returnAll: true,
				options: { expandAttachments: true },
			}),
		]),
	];
}

function createChecks({ check, assert, eq, log }) {
	return async (sb, n8n) => {
		let exec;
		await check(
			'Amiqus › Attachment › Upload in a real n8n: a Convert to File output uploaded byte for byte',
			async () => {
				sb.clearRequests();
				exec = await n8n.execute(ID);
				assert(exec.run, `no run JSON in the output:\n${exec.output.slice(-1500)}`);
				eq(
					exec.status,
					'success',
					`run status ${JSON.stringify(exec.run?.data?.resultData?.error?.message || '')}`,
				);
				// n8n 2.x keeps the file in its binary store (filesystem by default): the upload reads it as a
				// stream. n8n 1.x keeps it in the item: the upload decodes it once.
				const [letter] = nodeOutput(exec.run, 'Letter File');
				const id = letter?.binary?.letter?.id;
				log(
					id
						? `upload source stored by reference (${id.split(':')[0]}), read as a stream`
						: 'upload source kept in the item (base64), decoded once',
				);
				const [upload] = nodeOutput(exec.run, 'Upload Attachment');
				eq(upload?.json?.object, 'attachment', 'object');
				eq(upload.json.original, 'engagement-letter.txt', 'file name');
				const stored = sb.amiqus.state.attachments.get(upload.json.id);
				assert(stored, `attachment ${upload.json.id} not in the sandbox`);
				eq(stored.content.toString('utf8'), LETTER, 'bytes the sandbox received');
				const post = sb
					.requests('amiqus')
					.find((q) => q.method === 'POST' && q.path === '/attachments');
				assert(
					/^multipart\/form-data; boundary=/.test(String(post?.headers?.['content-type'])),
					`content type ${post?.headers?.['content-type']}`,
				);
			},
		);
		await check(
			'Amiqus › Record › Create in a real n8n: a Document Transfer step takes the uploaded attachment by expression',
			async () => {
				const [upload] = nodeOutput(exec.run, 'Upload Attachment');
				const post = sb
					.requests('amiqus')
					.find((q) => q.method === 'POST' && q.path === '/records');
				const step = post?.body?.steps?.[0];
				eq(step?.type, 'document.transfer', 'step type');
				eq(step.preferences.attachment, upload.json.id, 'attachment ID in the step');
				const [document] = nodeOutput(exec.run, 'Record Documents');
				eq(document?.json?.type, 'sent', 'record document type');
				eq(
					document.json.attachments?.[0]?.id,
					upload.json.id,
					'the record document carries the attachment',
				);
			},
		);
	};
}

module.exports = { workflows, createChecks };
