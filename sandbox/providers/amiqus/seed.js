'use strict';
// Fixtures without API calls (sb.amiqus.seed, POST /_control/amiqus/seed/:kind): each creates through
// the same functions the API uses and answers as the API would.
const { createClient } = require('./clients');
const { createRecord } = require('./records');
const { createClientFile, createAttachment } = require('./files');
const { createRecordTemplate } = require('./templates');
const { addCreditHistory } = require('./account');
const { addEmailTemplate, createFormTemplate, serializeForm } = require('./formTemplates');
const { seedAssignee } = require('./assignees');
const { createOrganisation, serializeOrganisation } = require('./organisations');
const { createCase, serializeCase } = require('./cases');
const { addItems } = require('./caseItems');
const { createCorrection, createForm } = require('./clientData');
const { createLibraryDocument } = require('./library');
const ser = require('./serialize');

function createSeed(ctx) {
	const seed = {
		client: (b = {}) =>
			ser.client(
				createClient(ctx, {
					name: { first_name: 'Martin', last_name: 'McFly', ...(b.name || {}) },
					email: 'marty@example.com',
					...b,
					name: { first_name: 'Martin', last_name: 'McFly', ...(b.name || {}) },
				}),
			),
		record: (b = {}) => {
			const client = b.client ?? seed.client().id;
			const body =
				b.template != null
					? { ...b, client }
					: {
							steps: [{ type: 'check.dummy', preferences: { state: 'accepted' } }],
							notification: false,
							...b,
							client,
						};
			return ctx.serializeRecord(createRecord(ctx, body));
		},
		recordTemplate: (b = {}) => ser.template(createRecordTemplate(ctx, b)),
		emailTemplate: (b = {}) => addEmailTemplate(ctx, b),
		formTemplate: (b = {}) =>
			serializeForm(
				createFormTemplate(ctx, {
					name: 'Sandbox form',
					fields: [
						{ id: '1', type: 'section', label: '', fields: ['2'] },
						{ id: '2', type: 'text', label: 'Job title' },
					],
					...b,
				}),
			),
		creditHistory: (b = {}) => addCreditHistory(ctx, b),
		clientFile: (clientId, b = {}) => {
			// b: { name, original, mime, content (string|Buffer), avStatus, fileType, source:{id,type}, sourceType, expiresAt }
			const f = createClientFile(ctx, Number(clientId), {
				...b,
				avStatus: b.avStatus || b.av_status || 'clean',
				content: b.content != null ? Buffer.from(b.content) : undefined,
			});
			return ser.clientFile(f, ctx.state());
		},
		// organisations, cases (with records as items), assignees (cases have no endpoint that assigns).
		organisation: (b = {}) =>
			serializeOrganisation(
				ctx,
				null,
				createOrganisation(ctx, { name: 'Probert Publishing', ...b }),
			),
		case: (b = {}) => {
			const client = b.client ?? seed.client().id;
			const c = createCase(ctx, { name: 'Onboarding', ...b, client, records: undefined });
			if (b.records?.length)
				addItems(
					ctx,
					c,
					b.records.map((id) => ({ id, type: 'record' })),
				);
			return serializeCase(ctx, c);
		},
		assignee: ({ parent = 'cases', parentId, teamMember } = {}) =>
			seedAssignee(ctx, parent, parentId, teamMember),
	};
	// { clientId, recordId, first_name, ... } | { clientId, recordId, type, name, value, attachments } | { name, enabled, attachment }
	Object.assign(seed, {
		// A correction is proposed while completing a record: it always has one.
		correction: (b = {}) =>
			createCorrection(ctx, {
				...b,
				recordId: b.recordId ?? seed.record({ client: b.clientId }).id,
			}).id,
		form: (b = {}) => {
			const f = createForm(ctx, b);
			return { id: f.id, reference: f.reference };
		},
		libraryDocument: (b = {}) => createLibraryDocument(ctx, b).id,
		attachment: (b = {}) =>
			ser.attachment(
				createAttachment(ctx, {
					...b,
					content: b.content != null ? Buffer.from(b.content) : undefined,
				}),
			),
	});
	return seed;
}

module.exports = { createSeed };
