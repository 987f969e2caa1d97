'use strict';
// The IDV API, the Face authentication API and the KYC Identifications API (ondato.md §4-§5, §8).
const express = require('express');
const { validation, notFound } = require('./errors');
const { bearer } = require('./token');
const { UUID, filterQuery, checkCreateBody } = require('./validate');

const isRead = (req) => req.method === 'GET' || /\/filter$/.test(req.path);

function sortBy(list, field, desc) {
	if (!field) return list;
	const key = field.charAt(0).toLowerCase() + field.slice(1);
	return list
		.slice()
		.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')) * (desc ? -1 : 1));
}

function idvRouter(ctx) {
	const { config, state, model } = ctx;
	const r = express.Router();
	r.use(express.json({ limit: '1mb' }));
	r.use(bearer(ctx, (req) => (isRead(req) ? ['idv_api', 'idv_api_readonly'] : ['idv_api'])));
	const idvOr404 = (req, res) => {
		const idv = UUID.test(req.params.id) && state().idvs.get(req.params.id.toLowerCase());
		if (!idv) notFound(config, res);
		return idv || null;
	};

	const create = (req, res) => {
		const errors = checkCreateBody(config, state, req.body);
		if (errors) return validation(config, res, errors);
		const idv = model.createIdv(req.body, state().setups.get(req.body.setupId.toLowerCase()));
		res.status(201).json({ id: idv.id });
	};
	r.post('/v1/identity-verifications', create);
	r.post('/v1/identity-verifications/', create);
	r.get('/v1/identity-verifications/:id', (req, res) => {
		const idv = idvOr404(req, res);
		if (idv) res.json(idv);
	});
	r.get('/v1/identity-verifications/:id/setup', (req, res) => {
		const idv = idvOr404(req, res);
		if (idv) res.json({ ...state().setups.get(idv.setup.id), versionId: idv.setup.versionId });
	});
	// 3rd-party (UNCONFIRMED): 204.
	r.put('/v1/identity-verifications/:id/setup-localisations', (req, res) => {
		const idv = idvOr404(req, res);
		if (!idv) return;
		const b = req.body || {};
		if (typeof b.defaultLanguage !== 'string' || !Array.isArray(b.localisationSettings)) {
			return validation(config, res, {
				DefaultLanguage: ['DefaultLanguage and LocalisationSettings are required.'],
			});
		}
		idv.localisationSettings = b;
		res.status(204).end();
	});
	// 3rd-party (UNCONFIRMED): the deliveries made for this session.
	r.get('/v1/identity-verifications/:id/webhooks', (req, res) => {
		const idv = idvOr404(req, res);
		if (idv) {
			res.json(
				state()
					.webhookLog.filter((w) => w.idvId === idv.id)
					.map((w) => ({
						id: w.id,
						type: w.type,
						identityVerificationId: w.idvId,
						createdUtc: w.createdUtc,
						deliveredUtc: w.deliveredUtc,
						isDelivered: w.isDelivered,
						attempts: w.attempts,
					})),
			);
		}
	});
	// Bare array (ondato.md §4).
	r.post('/v1/identity-verification-setups/filter', (req, res) => {
		const q = filterQuery(config, req, res, ['Name', 'CreatedUtc', 'ModifiedUtc']);
		if (!q) return;
		const all = sortBy([...state().setups.values()], q.orderBy, q.desc);
		res.json(all.slice(q.offset, q.offset + q.limit));
	});
	// Ondato names a separate Face authentication API whose host is UNCONFIRMED: served on the IDV
	// API base only when faceAuthOnIdvHost is on; otherwise on its own sub-base (faceAuthRouter).
	r.get('/v1/face-authentications/:id', (req, res, next) =>
		config().faceAuthOnIdvHost ? getFaceAuth(ctx, req, res) : next(),
	);
	r.use((req, res) => notFound(config, res));
	return r;
}

function getFaceAuth({ config, state }, req, res) {
	const fa = UUID.test(req.params.id) && state().faceAuths.get(req.params.id.toLowerCase());
	if (!fa) return notFound(config, res);
	res.json(fa);
}

// The Face authentication API on its own host (ondato.md §4: "Face authentication API; host UNCONFIRMED").
// Its scope names are not known either: any valid token of the application may read it.
function faceAuthRouter(ctx) {
	const r = express.Router();
	r.use(bearer(ctx, null));
	r.get('/v1/face-authentications/:id', (req, res) => getFaceAuth(ctx, req, res));
	r.use((req, res) => notFound(ctx.config, res));
	return r;
}

function kycRouter(ctx) {
	const { config, state } = ctx;
	const r = express.Router();
	r.use(express.json({ limit: '1mb' }));
	r.use(
		bearer(ctx, (req) =>
			isRead(req)
				? ['kyc_identifications_api', 'kyc_identifications_api_readonly']
				: ['kyc_identifications_api'],
		),
	);
	const kycOr404 = (req, res) => {
		const kyc = UUID.test(req.params.id) && state().kycs.get(req.params.id.toLowerCase());
		if (!kyc) notFound(config, res);
		return kyc || null;
	};
	r.get('/v1/identifications/:id', (req, res) => {
		const k = kycOr404(req, res);
		if (k) res.json(k);
	});
	r.get('/v1/identifications/:id/files/:fileId', (req, res) => {
		const k = kycOr404(req, res);
		if (!k) return;
		const f = UUID.test(req.params.fileId) && state().files.get(req.params.fileId.toLowerCase());
		if (!f || f.kycId !== k.id) return notFound(config, res);
		const meta = [...(k.document?.files || []), ...(k.additionalFiles || [])].find(
			(x) => x.fileId === req.params.fileId.toLowerCase(),
		);
		if (config().fileResponse === 'base64json') {
			return res.json({
				fileId: meta.fileId,
				fileName: meta.fileName,
				contentType: config().fileContentType,
				content: f.buffer.toString('base64'),
			});
		}
		res.set('Content-Type', config().fileContentType);
		res.set('Content-Disposition', `attachment; filename="${meta.fileName}"`);
		res.send(f.buffer);
	});
	// 3rd-party (UNCONFIRMED)
	r.get('/v1/identifications/:id/setup', (req, res) => {
		const k = kycOr404(req, res);
		if (k)
			res.json({
				id: k.setup.id,
				versionId: k.setup.versionId,
				applicationId: k.applicationId,
				isDisabled: false,
				document: { enabled: true },
				face: { enabled: true, activeLivenessEnabled: true, passiveLivenessEnabled: false },
			});
	});
	// 3rd-party (UNCONFIRMED): filter body {applicationId, createdUtc:{from,to}}; header Return-Total-Count.
	r.post('/v1/identifications/filter', (req, res) => {
		const q = filterQuery(config, req, res, ['CreatedUtc']);
		if (!q) return;
		const b = req.body || {};
		let list = [...state().kycs.values()];
		if (b.applicationId) list = list.filter((k) => k.applicationId === b.applicationId);
		if (b.createdUtc?.from) list = list.filter((k) => k.createdUtc >= b.createdUtc.from);
		if (b.createdUtc?.to) list = list.filter((k) => k.createdUtc <= b.createdUtc.to);
		list = sortBy(list, q.orderBy, q.desc);
		if (String(req.headers['return-total-count']).toLowerCase() === 'true')
			res.set('X-Total-Count', String(list.length));
		res.json(list.slice(q.offset, q.offset + q.limit));
	});
	r.use((req, res) => notFound(config, res));
	return r;
}

module.exports = { idvRouter, kycRouter, faceAuthRouter };
