'use strict';
// Request checks of the IDV and KYC APIs, answered as ASP.NET would (ondato.md §4-§5).
const { validation } = require('./errors');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validDate(v) {
	const m = typeof v === 'string' && DATE.exec(v);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

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

module.exports = { UUID, filterQuery, checkCreateBody };
