import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	buildWorkflow,
	chain,
	credentialsHelperWith,
	executeWorkflow,
	packageNode,
	typeName,
} from '../../harness/engine';
import { byId, credentialsOf, json, received, runAmiqus, useSandbox } from '../helpers';
import type { Sandbox } from '../helpers';

const NDA = Buffer.from(
	'%PDF-1.4\n% an NDA with bytes \x00\x01\x02\xff that survive the upload\n%%EOF\n',
	'binary',
);

/** An input item carrying a file in its binary property, as a Read File or HTTP Request node gives it. */
function fileItem(
	content: Buffer,
	fileName = 'NDA final.pdf',
	mimeType = 'application/pdf',
	json: IDataObject = {},
	property = 'data',
): INodeExecutionData {
	return { json, binary: { [property]: { data: content.toString('base64'), mimeType, fileName } } };
}

/** Manual Trigger → the given Amiqus nodes, fed with the given items. */
async function runChain(
	sb: Sandbox,
	nodes: Array<{ name: string; parameters: IDataObject }>,
	input: INodeExecutionData[],
	continueOnFail = false,
) {
	const credentials = credentialsHelperWith(credentialsOf(sb));
	const workflow = buildWorkflow(
		chain(
			nodes.map((n) =>
				packageNode(n.name, typeName('amiqus'), n.parameters, {
					credentials: { amiqusApi: { id: 'amiqusApi', name: 'amiqusApi' } },
					...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				}),
			),
		),
	);
	return await executeWorkflow({ workflow, credentials, input });
}

describe('Amiqus node: Attachment and Client File upload', () => {
	const { sb } = useSandbox();

	/** Runs one Amiqus node named Upload with these parameters on these input items. */
	const runUpload = async (
		parameters: IDataObject,
		input: INodeExecutionData[],
		continueOnFail = false,
	) => await runChain(sb(), [{ name: 'Upload', parameters }], input, continueOnFail);

	describe('Attachment: upload', () => {
		it('sends the file of the input binary field as multipart field "attachment", byte for byte', async () => {
			const run = await runUpload(
				{
					resource: 'attachment',
					operation: 'upload',
					binaryPropertyName: 'contract',
				},
				[fileItem(NDA, 'NDA final.pdf', 'application/pdf', {}, 'contract')],
			);
			expect(run.error).toBeUndefined();
			const [out] = run.output('Upload');
			expect(out.json).toMatchObject({
				object: 'attachment',
				original: 'NDA final.pdf',
				type: 'application/pdf',
				size: NDA.length,
				av_status: 'clean',
			});
			const stored = sb().amiqus.state.attachments.get(out.json.id);
			expect(Buffer.compare(stored.content, NDA)).toBe(0);
			const [request] = received(sb());
			expect(request).toMatchObject({ method: 'POST', path: '/attachments', status: 201 });
			expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
			expect(Number(request.headers['content-length'])).toBeGreaterThan(NDA.length);
		});

		it('names the missing binary field and the item, and uploads nothing for that item', async () => {
			const run = await runUpload(
				{ resource: 'attachment', operation: 'upload', binaryPropertyName: 'data' },
				[fileItem(NDA), { json: { no: 'file' } }],
				true,
			);
			const out = run.output('Upload');
			expect(out[0].json).toMatchObject({ object: 'attachment' });
			expect(String(out[1].json.error)).toMatch(/data/);
			expect(received(sb()).filter((r) => r.path === '/attachments')).toHaveLength(1);
		});

		it('passes on Amiqus refusing a file type it does not take', async () => {
			const run = await runUpload({ resource: 'attachment', operation: 'upload' }, [
				fileItem(Buffer.from('MZ'), 'setup.exe', 'application/octet-stream'),
			]);
			expect(run.error?.message).toMatch(
				/^Amiqus: The provider refused the values sent \(HTTP 422\): attachment: The attachment must be a file of type/,
			);
		});
	});

	describe('Record: Document Transfer step fed by an attachment uploaded earlier in the workflow', () => {
		it('Upload → Create Record maps the attachment ID with an expression; the record document carries it', async () => {
			const client = sb().amiqus.seed.client({});
			const run = await runChain(
				sb(),
				[
					{ name: 'Upload', parameters: { resource: 'attachment', operation: 'upload' } },
					{
						name: 'Create Record',
						parameters: {
							resource: 'record',
							operation: 'create',
							clientId: byId(client.id),
							createFrom: 'steps',
							steps: {
								step: [
									{
										type: 'document.transfer',
										documentSource: 'new',
										documentName: 'Engagement letter',
										attachment: "={{ $('Upload').item.json.id }}",
										requireReturn: true,
										returnMessage: 'Sign and return it, please',
									},
								],
							},
							notification: 'none',
						},
					},
					{
						name: 'Documents',
						parameters: {
							resource: 'record',
							operation: 'getDocuments',
							recordId: byId('={{ $json.id }}'),
							returnAll: true,
							options: { expandAttachments: true },
						},
					},
				],
				[fileItem(NDA)],
			);
			expect(run.error).toBeUndefined();
			const attachmentId = run.output('Upload')[0].json.id as number;
			const post = received(sb()).find((r) => r.method === 'POST' && r.path === '/records');
			expect((post?.body as IDataObject).steps).toEqual([
				{
					type: 'document.transfer',
					preferences: {
						name: 'Engagement letter',
						attachment: attachmentId,
						require_return: true,
						require_confirmation: false,
						return_message: 'Sign and return it, please',
					},
				},
			]);
			const [document] = json(run.output('Documents'));
			expect(document).toMatchObject({
				object: 'record_document',
				type: 'sent',
				name: 'Engagement letter',
			});
			expect(document.attachments).toEqual([
				expect.objectContaining({ id: attachmentId, original: 'NDA final.pdf' }),
			]);
		});

		it('a Document Transfer step naming no existing attachment is refused by Amiqus', async () => {
			const client = sb().amiqus.seed.client({});
			const result = await runAmiqus(sb(), {
				resource: 'record',
				operation: 'create',
				clientId: byId(client.id),
				createFrom: 'steps',
				steps: {
					step: [
						{
							type: 'document.transfer',
							documentSource: 'new',
							documentName: 'Letter',
							attachment: 999999,
						},
					],
				},
				notification: 'none',
			});
			expect(result.error?.message).toMatch(
				/\(HTTP 422\): steps\.0\.preferences\.attachment: The selected steps\.0\.preferences\.attachment is invalid\./,
			);
		});
	});

	describe('Attachment: delete and redact', () => {
		it('deletes an unassigned attachment; one in use is refused', async () => {
			const free = sb().amiqus.seed.attachment({ original: 'spare.pdf' });
			const deleted = await runAmiqus(sb(), {
				resource: 'attachment',
				operation: 'delete',
				attachmentId: free.id,
			});
			expect(deleted.error).toBeUndefined();
			expect(json(deleted.items)).toEqual([{ id: free.id, deleted: true }]);
			expect(sb().amiqus.state.attachments.has(free.id)).toBe(false);

			const client = sb().amiqus.seed.client({});
			const file = sb().amiqus.seed.clientFile(client.id, { name: 'kept' });
			const inUse = await runAmiqus(sb(), {
				resource: 'attachment',
				operation: 'delete',
				attachmentId: file.attachment.id,
			});
			expect(inUse.error?.message).toBe(
				'Amiqus: The credentials are not allowed to do this (HTTP 403): Only unassigned attachments can be deleted.',
			);
			expect(received(sb()).map((r) => [r.method, r.path, r.status])).toEqual([
				['DELETE', `/attachments/${free.id}`, 204],
				['DELETE', `/attachments/${file.attachment.id}`, 403],
			]);
		});

		it('redacts the attachment of a record document: the file becomes the generic image, the name says redacted', async () => {
			const client = sb().amiqus.seed.client({});
			const attachment = sb().amiqus.seed.attachment({ original: 'passport-scan.pdf' });
			sb().amiqus.seed.record({
				client: client.id,
				steps: [
					{ type: 'document.transfer', preferences: { name: 'Letter', attachment: attachment.id } },
				],
			});
			const result = await runAmiqus(sb(), {
				resource: 'attachment',
				operation: 'redact',
				attachmentId: `=${attachment.id}`,
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				object: 'attachment',
				id: attachment.id,
				original: 'passport-scan-redacted.png',
				type: 'image/png',
			});
			expect(received(sb())[0]).toMatchObject({
				method: 'PUT',
				path: `/attachments/${attachment.id}/redact`,
				status: 200,
			});
			expect(
				sb().amiqus.state.attachments.get(attachment.id).content.subarray(1, 4).toString(),
			).toBe('PNG');
		});

		it('an attachment that is not part of a record document or form cannot be redacted; a bad ID sends nothing', async () => {
			const attachment = sb().amiqus.seed.attachment({});
			const refused = await runAmiqus(sb(), {
				resource: 'attachment',
				operation: 'redact',
				attachmentId: attachment.id,
			});
			expect(refused.error?.message).toMatch(
				/\(HTTP 422\): attachment: Only attachments of record documents or uploaded as part of a form can be redacted\./,
			);
			const bad = await runAmiqus(
				sb(),
				{ resource: 'attachment', operation: 'redact', attachmentId: 0 },
				{ continueOnFail: true },
			);
			expect(bad.items[0].json.error).toBe(
				'"Attachment ID" must be a positive whole number, got "0" [item 0]',
			);
			expect(received(sb())).toHaveLength(1);
		});
	});

	describe('Client File: upload and delete', () => {
		it('uploads the file, then files it for the client with a name and an expiry', async () => {
			const client = sb().amiqus.seed.client({});
			const run = await runUpload(
				{
					resource: 'clientFile',
					operation: 'upload',
					clientId: byId(client.id),
					binaryPropertyName: 'data',
					additionalFields: { name: 'NDA-final', expires_at: '2030-01-01T23:59:59.000Z' },
				},
				[fileItem(NDA, 'nda.pdf')],
			);
			expect(run.error).toBeUndefined();
			const [out] = json(run.output('Upload'));
			expect(out).toMatchObject({
				object: 'client_file',
				name: 'NDA-final',
				expires_at: '2030-01-01T23:59:59Z',
			});
			expect(out.attachment).toMatchObject({ original: 'nda.pdf', size: NDA.length });
			const requests = received(sb());
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['POST', '/attachments'],
				['POST', `/clients/${client.id}/files`],
			]);
			expect(requests[1].body).toEqual({
				attachment: (out.attachment as IDataObject).id,
				name: 'NDA-final',
				expires_at: '2030-01-01T23:59:59Z',
			});
		});

		it('checks the fields before uploading anything', async () => {
			const client = sb().amiqus.seed.client({});
			const run = await runUpload(
				{
					resource: 'clientFile',
					operation: 'upload',
					clientId: byId(client.id),
					additionalFields: { expires_at: 'next week' },
				},
				[fileItem(NDA)],
			);
			expect(run.error?.message).toMatch(
				/^"Expires At" must be a date and time with a zone, got "next week" \[item 0\]$/,
			);
			expect(received(sb())).toEqual([]);
		});

		it('deletes a file of a client', async () => {
			const client = sb().amiqus.seed.client({});
			const file = sb().amiqus.seed.clientFile(client.id, { name: 'old' });
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'delete',
				clientId: byId(client.id),
				fileId: file.id,
			});
			expect(result.error).toBeUndefined();
			expect(json(result.items)).toEqual([{ clientId: client.id, fileId: file.id, deleted: true }]);
			expect(received(sb())[0]).toMatchObject({
				method: 'DELETE',
				path: `/clients/${client.id}/files/${file.id}`,
				status: 204,
			});
			expect(sb().amiqus.state.files.has(file.id)).toBe(false);
		});

		it('a file Amiqus marks as not deletable (the evidence of a check) is refused', async () => {
			const client = sb().amiqus.seed.client({});
			const evidence = sb().amiqus.seed.clientFile(client.id, {
				name: 'passport-front',
				source: { id: 1, type: 'check' },
				sourceType: 'photo_id',
			});
			expect(evidence.is_deletable).toBe(false);
			const result = await runAmiqus(sb(), {
				resource: 'clientFile',
				operation: 'delete',
				clientId: byId(client.id),
				fileId: evidence.id,
			});
			expect(result.error?.message).toBe(
				'Amiqus: The credentials are not allowed to do this (HTTP 403): This action is unauthorized.',
			);
			expect(sb().amiqus.state.files.has(evidence.id)).toBe(true);
		});
	});
});
