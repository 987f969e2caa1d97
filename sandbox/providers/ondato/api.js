'use strict';
// Token server, IDV API and KYC Identifications API (ondato.md §3-§5, §8).
const express = require('express');
const { randomHex } = require('../../core/ids');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Error bodies are UNCONFIRMED (ASP.NET backend): ProblemDetails by default, {message} as an option.
function problem(config, res, status, title, errors) {
	if (config().errorShape === 'plain') {
		const text = errors
			? Object.entries(errors)
					.map(([k, v]) => `${k}: ${v.join(' ')}`)
					.join('; ')
			: title;
		return res.status(status).json({ message: text });
	}
	const body = {
		type: `https://tools.ietf.org/html/rfc9110#section-15.5.${status === 404 ? 5 : status === 409 ? 10 : 1}`,
		title,
		status,
		traceId: `00-${randomHex(16)}-${randomHex(8)}-00`,
	};
	if (errors) body.errors = errors;
	return res.status(status).json(body);
}
const validation = (config, res, errors) =>
	problem(config, res, 400, 'One or more validation errors occurred.', errors);
const notFound = (config, res) => problem(config, res, 404, 'Not Found');

function validDate(v) {
	const m = typeof v === 'string' && DATE.exec(v);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function tokenRouter({ config, state, clock }) {
	const r = express.Router();
	r.use(express.urlencoded({ extended: false }));
	const oauthError = (res, status, error, description) =>
		res.status(status).json({ error, ...(description ? { error_description: description } : {}) });
	r.post('/connect/token', (req, res) => {
		state().tokenRequests++;
		if (!req.is('application/x-www-form-urlencoded'))
			return oauthError(
				res,
				400,
				'invalid_request',
				'The request must be application/x-www-form-urlencoded',
			);
		const b = req.body || {};
		let clientId = b.client_id;
		let clientSecret = b.client_secret;
		const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization || '');
		if (basic) {
			const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id);
			clientSecret = decodeURIComponent(rest.join(':'));
		}
		if (b.grant_type !== 'client_credentials')
			return oauthError(res, 400, 'unsupported_grant_type');
		const client = config().clients.find((c) => c.clientId === clientId);
		if (!client || client.clientSecret !== clientSecret)
			return oauthError(res, config().invalidClientStatus, 'invalid_client');
		// Without scope the token gets every scope assigned to the client (official, ondato.md §3).
		const asked =
			typeof b.scope === 'string' && b.scope.trim() ? b.scope.trim().split(/\s+/) : client.scopes;
		if (asked.some((s) => !client.scopes.includes(s))) return oauthError(res, 400, 'invalid_scope');
		const token = randomHex(32);
		const ttl = config().tokenTtlSeconds;
		state().tokens.set(token, { clientId, scopes: asked, expiresAt: clock.nowMs() + ttl * 1000 });
		state().tokensIssued++;
		res
			.set('Cache-Control', 'no-store')
			.json({ access_token: token, expires_in: ttl, token_type: 'Bearer', scope: asked.join(' ') });
	});
	r.get('/.well-known/openid-configuration', (req, res) => {
		const base = `${req.protocol}://${req.get('host')}${req.baseUrl}`;
		res.json({
			issuer: base,
			token_endpoint: `${base}/connect/token`,
			grant_types_supported: ['client_credentials'],
			scopes_supported: [...new Set(config().clients.flatMap((c) => c.scopes))],
		});
	});
	return r;
}

// Bearer check; `scopes(req)` lists the scopes any one of which allows the call.
function bearer({ config, state, clock }, scopesFor) {
	return (req, res, next) => {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
		const t = m && state().tokens.get(m[1]);
		if (!t || t.expiresAt <= clock.nowMs()) {
			res.set(
				'WWW-Authenticate',
				t
					? 'Bearer error="invalid_token", error_description="The token expired"'
					: 'Bearer error="invalid_token"',
			);
			return res.status(401).end();
		}
		if (scopesFor && config().enforceScopes && !scopesFor(req).some((s) => t.scopes.includes(s))) {
			res.set('WWW-Authenticate', 'Bearer error="insufficient_scope"');
			return res.status(403).end();
		}
		next();
	};
}

const isRead = (req) => req.method === 'GET' || /\/filter$/.test(req.path);

// POST .../filter?limit=&orderBy=&orderDirection= with a JSON object body; the offset parameter name is UNCONFIRMED.
function filterQuery(config, req, res, orderFields) {
	const errors = {};
	// ASP.NET [FromBody] refuses a missing body; whether Ondato does is UNCONFIRMED (its demo sends {}).
	if (
		config().requireFilterBody &&
		(!req.body || typeof req.body !== 'object' || Array.isArray(req.body))
	)
		errors[''] = ['A non-empty request body is required.'];
	const q = req.query;
	let limit = config().maxLimit;
	if (q.limit !== undefined) {
		if (!/^\d+$/.test(String(q.limit)) || Number(q.limit) < 1)
			errors.limit = [`The value '${q.limit}' is not valid for limit.`];
		else limit = Math.min(Number(q.limit), config().maxLimit);
	}
	const offsetRaw = q[config().offsetParam];
	let offset = 0;
	if (offsetRaw !== undefined) {
		if (!/^\d+$/.test(String(offsetRaw)))
			errors[config().offsetParam] = [`The value '${offsetRaw}' is not valid.`];
		else offset = Number(offsetRaw);
	}
	if (q.orderBy !== undefined && !orderFields.includes(String(q.orderBy)))
		errors.orderBy = [`The value '${q.orderBy}' is not valid for orderBy.`];
	if (q.orderDirection !== undefined && !['Asc', 'Desc'].includes(String(q.orderDirection)))
		errors.orderDirection = [`The value '${q.orderDirection}' is not valid for orderDirection.`];
	if (Object.keys(errors).length) {
		validation(config, res, errors);
		return null;
	}
	return { limit, offset, orderBy: q.orderBy, desc: q.orderDirection === 'Desc' };
}

function sortBy(list, field, desc) {
	if (!field) return list;
	const key = field.charAt(0).toLowerCase() + field.slice(1);
	return list
		.slice()
		.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')) * (desc ? -1 : 1));
}

function checkCreateBody(config, state, b) {
	const errors = {};
	const add = (k, m) => {
		(errors[k] = errors[k] || []).push(m);
	};
	if (!b || typeof b !== 'object' || Array.isArray(b))
		return { '': ['A non-empty request body is required.'] };
	if (b.setupId == null || b.setupId === '') add('SetupId', 'The SetupId field is required.');
	else if (typeof b.setupId !== 'string' || !UUID.test(b.setupId))
		add('SetupId', `The value '${b.setupId}' is not a valid Guid.`);
	else {
		const setup = state().setups.get(b.setupId.toLowerCase());
		if (!setup) add('SetupId', 'Setup was not found.');
		else if (setup.isDisabled) add('SetupId', 'Setup is disabled.');
	}
	if (b.externalReferenceId != null && typeof b.externalReferenceId !== 'string')
		add('ExternalReferenceId', 'The ExternalReferenceId field must be a string.');
	const reg = b.registration;
	if (reg != null) {
		if (typeof reg !== 'object' || Array.isArray(reg))
			add('Registration', 'The Registration field is invalid.');
		else {
			if (reg.dateOfBirth != null && !validDate(reg.dateOfBirth))
				add(
					'Registration.DateOfBirth',
					`The value '${reg.dateOfBirth}' is not a valid date (YYYY-MM-DD).`,
				);
			if (reg.email != null && (typeof reg.email !== 'string' || !EMAIL.test(reg.email)))
				add('Registration.Email', 'The Email field is not a valid e-mail address.');
			if (
				reg.countryCode != null &&
				(typeof reg.countryCode !== 'string' || !/^[A-Z]{2}$/.test(reg.countryCode))
			)
				add(
					'Registration.CountryCode',
					'The CountryCode field must be an ISO 3166-1 alpha-2 code.',
				);
			if (reg.phoneNumber != null) {
				const okNumber =
					typeof reg.phoneNumber === 'number' &&
					Number.isSafeInteger(reg.phoneNumber) &&
					reg.phoneNumber > 0;
				const okString =
					config().phoneNumberType === 'any' &&
					typeof reg.phoneNumber === 'string' &&
					/^\+?\d{5,15}$/.test(reg.phoneNumber);
				if (!okNumber && !okString)
					add('Registration.PhoneNumber', `The JSON value could not be converted to System.Int64.`);
			}
			for (const k of ['firstName', 'lastName', 'middleName', 'personalCode']) {
				if (reg[k] != null && typeof reg[k] !== 'string')
					add(
						`Registration.${k.charAt(0).toUpperCase()}${k.slice(1)}`,
						'The JSON value could not be converted to System.String.',
					);
			}
		}
	}
	const fa = b.faceAuthentication;
	if (fa != null) {
		const source =
			fa && typeof fa.identityVerificationId === 'string' && UUID.test(fa.identityVerificationId)
				? state().idvs.get(fa.identityVerificationId.toLowerCase())
				: undefined;
		if (!source)
			add(
				'FaceAuthentication.IdentityVerificationId',
				'The identity verification to authenticate against was not found.',
			);
		else {
			const kyc =
				source.step.kycIdentification && state().kycs.get(source.step.kycIdentification.id);
			// The source must be KYC-approved, in the same application (ondato.md §4.1).
			if (!kyc || kyc.status !== 'Approved' || source.applicationId !== config().applicationId)
				add(
					'FaceAuthentication.IdentityVerificationId',
					'The identity verification is not KYC approved.',
				);
		}
	}
	return Object.keys(errors).length ? errors : null;
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

module.exports = { tokenRouter, idvRouter, kycRouter, faceAuthRouter, problem, UUID };
