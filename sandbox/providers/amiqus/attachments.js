'use strict';
// Attachments in use: which attachments are assigned, the Document Transfer steps that send
// one, redaction (PUT /attachments/{id}/redact) and the file types Amiqus accepts (amiqus.md §5.4).
const express = require('express');
const { unprocessable } = require('./errors');
const { getOr404 } = require('./helpers');
const ser = require('./serialize');

// POST /attachments: "Supported file types: pdf, docx, doc, xlsx, xls, csv, txt, jpg, png, tiff, zip."
const SUPPORTED_EXTENSIONS = [
	'pdf',
	'docx',
	'doc',
	'xlsx',
	'xls',
	'csv',
	'txt',
	'jpg',
	'jpeg',
	'png',
	'tiff',
	'tif',
	'zip',
];
// The generic image a redacted attachment becomes (1x1 PNG).
const REDACTED_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

function checkAttachmentType(file) {
	const ext = String(file.originalname || '')
		.split('.')
		.pop()
		.toLowerCase();
	if (!SUPPORTED_EXTENSIONS.includes(ext)) {
		throw unprocessable({
			attachment: [
				'The attachment must be a file of type: pdf, docx, doc, xlsx, xls, csv, txt, jpg, png, tiff, zip.',
			],
		});
	}
}

// Attachment ids used by record documents (Document Transfer steps) and forms: the ones Amiqus redacts.
function redactableIds(st) {
	const ids = new Set();
	for (const d of st.documents.values()) for (const id of d.attachments || []) ids.add(id);
	for (const f of (st.forms || new Map()).values())
		for (const id of f.attachments || []) ids.add(id);
	return ids;
}

// "Only unassigned attachment can be deleted": in use by a client file, a record document, a form or the library.
function isAssigned(st, id) {
	if ([...st.files.values()].some((f) => f.attachment === id)) return true;
	if ([...(st.libraryDocuments || new Map()).values()].some((d) => d.attachment === id))
		return true;
	return redactableIds(st).has(id);
}

// POST /records and POST /steps: a Document Transfer step must name an attachment that exists.
function checkStepAttachments(ctx, steps) {
	const fields = {};
	(Array.isArray(steps) ? steps : []).forEach((s, i) => {
		const p = (s && s.preferences) || {};
		if (
			s &&
			s.type === 'document.transfer' &&
			p.template == null &&
			!ctx.state().attachments.get(Number(p.attachment))
		) {
			fields[`steps.${i}.preferences.attachment`] = [
				`The selected steps.${i}.preferences.attachment is invalid.`,
			];
		}
	});
	if (Object.keys(fields).length) throw unprocessable(fields);
}

function attachmentsRouter(ctx) {
	const r = express.Router();
	const st = () => ctx.state();

	r.put('/attachments/:id/redact', (req, res) => {
		const a = getOr404(st().attachments, req.params.id, 'Attachment not found');
		if (!redactableIds(st()).has(a.id)) {
			throw unprocessable({
				attachment: [
					'Only attachments of record documents or uploaded as part of a form can be redacted.',
				],
			});
		}
		if (!a.redacted) {
			const stem = a.original.replace(/\.[^.]*$/, '');
			Object.assign(a, {
				original: `${stem}-redacted.png`,
				type: 'image/png',
				content: REDACTED_PNG,
				size: REDACTED_PNG.length,
				redacted: true,
				updated_at: ctx.clock.now(),
			});
			a.name = a.name.replace(/\.[^.]*$/, '.png');
		}
		res.json(ser.attachment(a));
	});

	return r;
}

module.exports = { attachmentsRouter, checkAttachmentType, checkStepAttachments, isAssigned };
