'use strict';
// Attachments and client files, with antivirus states on download (amiqus.md §5.4).
const express = require('express');
const { AmiqusError, unprocessable, notFound } = require('./errors');
const { expandOf, listResponse, sortItems, getOr404 } = require('./helpers');
const { uuid } = require('../../core/ids');
const ser = require('./serialize');
const { checkAttachmentType, isAssigned } = require('./attachments');

const EXT = {
	'application/pdf': 'pdf',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'text/plain': 'txt',
	'text/csv': 'csv',
};
// 1x1 PNG used as the photo-ID "front" image.
const PNG_1PX = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

function createAttachment(
	ctx,
	{
		original = 'file.pdf',
		mime = 'application/pdf',
		content = Buffer.from('%PDF-1.4\n%%EOF\n'),
		avStatus = 'clean',
	} = {},
) {
	const type = mime;
	const st = ctx.state();
	const now = ctx.clock.now();
	const a = {
		id: st.ids.next('attachment'),
		name: `${uuid()}.${EXT[type] || 'bin'}`,
		original,
		type,
		size: content.length,
		av_status: avStatus,
		content,
		created_at: now,
		updated_at: now,
	};
	st.attachments.set(a.id, a);
	return a;
}

// fileType: internal|sent|received; mime/content/avStatus/original describe a new attachment.
function createClientFile(
	ctx,
	clientId,
	{
		name,
		attachment,
		fileType = 'internal',
		source,
		sourceType,
		expiresAt = null,
		createdBy,
		...attachmentOpts
	} = {},
) {
	const st = ctx.state();
	const a =
		attachment != null ? st.attachments.get(attachment) : createAttachment(ctx, attachmentOpts);
	const now = ctx.clock.now();
	const id = st.ids.next('file');
	const f = {
		id,
		client: clientId,
		type: fileType,
		sourceType,
		name: name || a.original,
		attachment: a.id,
		source: source || { id, type: 'client' },
		created_by: createdBy,
		expires_at: expiresAt ? new Date(expiresAt) : null,
		created_at: now,
		updated_at: now,
	};
	st.files.set(id, f);
	return f;
}

function filesRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();

	function listFiles(req, res, items) {
		const q = req.query;
		if (q.source_type && !q.source)
			throw unprocessable({
				source: ['The source field is required when source_type is present.'],
			});
		if (q.source)
			items = items.filter(
				(f) =>
					f.source.type === q.source || (q.source === 'form' && f.source.type === 'client_form'),
			);
		if (q.source_type) items = items.filter((f) => f.sourceType === q.source_type);
		if (q.search)
			items = items.filter((f) => f.name.toLowerCase().includes(String(q.search).toLowerCase()));
		items = sortItems(items, q.sort_by, q.order_by, (f, k) =>
			k === 'name' ? f.name.toLowerCase() : f[k] ? new Date(f[k]).getTime() : null,
		);
		const expand = expandOf(req);
		return items.map((f) => ser.clientFile(f, st(), expand));
	}

	r.get('/clients/:id/files', (req, res) => {
		const c = getOr404(st().clients, req.params.id, 'Client not found');
		listResponse(
			ctx,
			req,
			res,
			listFiles(
				req,
				res,
				[...st().files.values()].filter((f) => f.client === c.id),
			),
		);
	});

	r.post('/clients/:id/files', (req, res) => {
		const c = getOr404(st().clients, req.params.id, 'Client not found');
		const b = req.body;
		if (b.attachment == null)
			throw unprocessable({ attachment: ['The attachment field is required.'] });
		if (!st().attachments.get(Number(b.attachment)))
			throw unprocessable({ attachment: ['The selected attachment is invalid.'] });
		const f = createClientFile(ctx, c.id, {
			name: b.name,
			attachment: Number(b.attachment),
			expiresAt: b.expires_at,
		});
		res.status(201).json(ser.clientFile(f, st()));
	});

	r.delete('/clients/:clientId/files/:fileId', (req, res) => {
		const c = getOr404(st().clients, req.params.clientId, 'Client not found');
		const f = st().files.get(Number(req.params.fileId));
		if (!f || f.client !== c.id) throw notFound('File not found');
		if (!ser.isDeletableFile(f))
			throw new AmiqusError(403, { message: 'This action is unauthorized.' });
		st().files.delete(f.id);
		res.status(204).end();
	});

	r.get('/clients/:clientId/files/:fileId/download', (req, res) => {
		const c = getOr404(st().clients, req.params.clientId, 'Client not found');
		const f = st().files.get(Number(req.params.fileId));
		if (!f || f.client !== c.id) throw notFound('File not found');
		const a = st().attachments.get(f.attachment);
		if (a.av_status === 'infected')
			throw new AmiqusError(410, { error: 'File scan detected a virus' });
		if (a.av_status === 'pending')
			throw new AmiqusError(423, { error: 'File scan is not yet complete' });
		if (a.av_status === 'error')
			throw new AmiqusError(423, { error: 'File scan could not be completed' });
		res.set('Content-Disposition', `attachment; filename="${a.original.replace(/"/g, '')}"`);
		res.type(a.type).send(a.content);
	});

	r.get('/files', (req, res) => {
		const items = listFiles(req, res, [...st().files.values()]).map((f) => ({
			...f,
			object: 'file',
		}));
		listResponse(ctx, req, res, items);
	});

	// Multipart upload; the validator's multer enforces the size limit (413).
	r.post('/attachments', (req, res) => {
		const file = (req.files || []).find((x) => x.fieldname === 'attachment');
		if (!file) throw unprocessable({ attachment: ['The attachment field is required.'] });
		checkAttachmentType(file);
		const a = createAttachment(ctx, {
			original: file.originalname,
			mime: file.mimetype,
			content: file.buffer,
			avStatus: 'clean',
		});
		res.status(201).json(ser.attachment(a));
	});

	r.delete('/attachments/:id', (req, res) => {
		getOr404(st().attachments, req.params.id, 'Attachment not found');
		// "Only unassigned attachment can be deleted."
		if (isAssigned(st(), Number(req.params.id)))
			throw new AmiqusError(403, { message: 'Only unassigned attachments can be deleted.' });
		st().attachments.delete(Number(req.params.id));
		res.status(204).end();
	});

	return r;
}

// Completed photo-ID checks leave the document image in the client's files (source=check, source_type=photo_id).
function addPhotoIdFiles(ctx, check, record) {
	createClientFile(ctx, record.client, {
		name: `photo-id-${check.id}-front.png`,
		original: `photo-id-${check.id}-front.png`,
		mime: 'image/png',
		content: PNG_1PX,
		fileType: 'received',
		source: { id: check.id, type: 'check' },
		sourceType: 'photo_id',
		createdBy: { id: record.client, type: 'client' },
	});
}

module.exports = { filesRouter, createAttachment, createClientFile, addPhotoIdFiles };
