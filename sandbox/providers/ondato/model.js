'use strict';
// Ondato resources and the session state machine (ondato.md §4-§7).
// IDV: Pending -> InProgress (consent) -> Completed (KYC decided) | Expired | Aborted (UNCONFIRMED statuses).
// KYC: Awaiting/Unfinished (created) -> Awaiting/Processing (processed) -> Approved | Rejected.
const { uuid } = require('../../core/ids');

// A tiny valid JPEG (SOI ... EOI) used for every document photo.
const JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
	'base64',
);

const iso = (ms) => new Date(ms).toISOString();
const clone = (v) => JSON.parse(JSON.stringify(v));

function createModel({ state, config, clock, events }) {
	const now = () => iso(clock.nowMs());
	const st = () => state();

	function createIdv(body, setup) {
		const id = uuid();
		const t = now();
		const idv = {
			id,
			applicationId: config().applicationId,
			status: 'Pending',
			createdUtc: t,
			modifiedUtc: t,
			...(body.externalReferenceId != null
				? { externalReferenceId: body.externalReferenceId }
				: {}),
			...(body.registration ? { registration: clone(body.registration) } : {}),
			setup: { id: setup.id, versionId: setup.versionId },
			step: { documentSignatures: [], forms: [] },
		};
		if (body.faceAuthentication) {
			const fa = {
				applicationId: idv.applicationId,
				createdUtc: t,
				id: uuid(),
				identityVerificationId: id,
				status: 'Pending',
			};
			st().faceAuths.set(fa.id, fa);
			idv.step.faceAuthentication = { id: fa.id };
		}
		st().idvs.set(id, idv);
		return idv;
	}

	const setupOf = (idv) => st().setups.get(idv.setup.id);
	const kycOf = (idv) =>
		idv.step.kycIdentification ? st().kycs.get(idv.step.kycIdentification.id) : undefined;
	const touch = (x) => {
		x.modifiedUtc = now();
	};
	const idvEvent = (name) =>
		config().legacyEventNames ? `Idv.${name}` : `IdentityVerification.${name}`;
	const fail = (message, status = 409) => {
		throw Object.assign(new Error(message), { status });
	};
	const open = (idv) => {
		if (!['Pending', 'InProgress'].includes(idv.status))
			fail(`the identity verification is ${idv.status}`);
	};

	// The person accepts the consent screen: IdentityVerification.Consented, then the KYC step starts.
	function consent(idv) {
		open(idv);
		if (idv.step.consent?.isConsented) fail('consent was already given');
		const batch = [];
		idv.status = 'InProgress';
		idv.step.consent = { id: uuid(), isConsented: true, consentedUtc: now() };
		touch(idv);
		batch.push({ type: idvEvent('Consented'), payload: clone(idv), idvId: idv.id });
		if (setupOf(idv).steps.some((s) => s.type === 'KycIdentification')) {
			const kycSetup = setupOf(idv).steps.find((s) => s.type === 'KycIdentification');
			const kyc = {
				id: uuid(),
				applicationId: idv.applicationId,
				createdUtc: now(),
				setup: { id: kycSetup.setupId, versionId: setupOf(idv).versionId },
				identityVerificationId: idv.id,
				status: 'Awaiting',
				statusReason: 'Unfinished',
				isCrossChecked: false,
				...(idv.externalReferenceId != null
					? { externalReferenceId: idv.externalReferenceId }
					: {}),
			};
			st().kycs.set(kyc.id, kyc);
			idv.step.kycIdentification = { id: kyc.id };
			batch.push({ type: 'KycIdentification.Created', payload: clone(kyc), idvId: idv.id });
		}
		events.emit(batch);
		return idv;
	}

	// The person submitted document and selfie: KycIdentification.Processed.
	function processKyc(idv) {
		open(idv);
		if (!idv.step.consent?.isConsented) fail('the person has not consented yet');
		const kyc = kycOf(idv);
		if (!kyc) fail('this session has no KYC identification step');
		if (kyc.statusReason !== 'Unfinished')
			fail(`the KYC identification is already ${kyc.statusReason}`);
		const reg = idv.registration || {};
		const fileIds = [uuid(), uuid()];
		for (const fileId of fileIds) st().files.set(fileId, { kycId: kyc.id, buffer: JPEG });
		const t = now();
		Object.assign(kyc, {
			statusReason: 'Processing',
			document: {
				fullName: [reg.firstName || 'JOHN', reg.middleName, reg.lastName || 'JOHNSON']
					.filter(Boolean)
					.join(' ')
					.toUpperCase(),
				firstName: (reg.firstName || 'John').toUpperCase(),
				lastName: (reg.lastName || 'Johnson').toUpperCase(),
				documentNumber: 'PU2343443343',
				dateOfIssue: '2018-12-03',
				dateOfExpiration: '2028-12-01',
				dateOfBirth: reg.dateOfBirth || '1985-02-27',
				personalCode: reg.personalCode || '38502270000',
				nationalityIso3: 'LTU',
				countryIso3: 'LTU',
				gender: 'Male',
				type: 'IdCard',
				mrzVerified: true,
				category: 'B',
				files: [
					{
						createdUtc: t,
						fileId: fileIds[0],
						fileName: `${kyc.id}_front.jpeg`,
						fileExtension: 'jpeg',
						part: 'Front',
						fileType: 'DocumentPhoto',
					},
					{
						createdUtc: t,
						fileId: fileIds[1],
						fileName: `${kyc.id}_back.jpeg`,
						fileExtension: 'jpeg',
						part: 'Back',
						fileType: 'DocumentPhoto',
					},
				],
				ocrValidations: [
					{ key: 'DateOfBirth', isValid: true },
					{ key: 'DocumentNumber', isValid: true },
				],
			},
		});
		events.emit([{ type: 'KycIdentification.Processed', payload: clone(kyc), idvId: idv.id }]);
		return idv;
	}

	// Decision: KycIdentification.Approved|Rejected, then IdentityVerification.StatusChanged (Completed).
	function decide(idv, outcome, reason) {
		open(idv);
		if (!idv.step.consent?.isConsented) fail('the person has not consented yet');
		const batch = [];
		const kyc = kycOf(idv);
		if (kyc) {
			if (kyc.statusReason !== 'Processing')
				fail('the KYC identification has not been processed yet');
			const approved = outcome === 'approved';
			Object.assign(kyc, {
				status: approved ? 'Approved' : 'Rejected',
				statusReason: approved ? 'AutomaticallyIdentified' : reason || config().rejectReason,
				rules: [
					{ name: 'DocumentNotExpired', status: 'Success' },
					{ name: 'DocumentHasFace', status: 'Success' },
					{ name: 'SelfieAndDocumentFacesMatch', status: approved ? 'Success' : 'Fail' },
				],
				registries: [],
				fraudChecks: [{ name: 'DocumentManipulation', status: 'Success' }],
				completedUtc: now(),
			});
			batch.push({
				type: approved ? 'KycIdentification.Approved' : 'KycIdentification.Rejected',
				payload: clone(kyc),
				idvId: idv.id,
			});
		} else if (idv.step.faceAuthentication) {
			const fa = st().faceAuths.get(idv.step.faceAuthentication.id);
			if (outcome !== 'approved') fa.status = 'Failed';
			else if (config().faceAuthSuccessStatus) fa.status = config().faceAuthSuccessStatus;
		}
		idv.status = 'Completed';
		touch(idv);
		batch.push({ type: idvEvent('StatusChanged'), payload: clone(idv), idvId: idv.id });
		events.emit(batch);
		return idv;
	}

	function endAs(idv, status) {
		open(idv);
		idv.status = status;
		touch(idv);
		events.emit([{ type: idvEvent('StatusChanged'), payload: clone(idv), idvId: idv.id }]);
		return idv;
	}

	// A reviewer edits data in the portal: KycIdentification.Updated (e.g. Approved -> Rejected).
	function updateKyc(idv, { status, statusReason } = {}) {
		const kyc = kycOf(idv);
		if (!kyc || !['Approved', 'Rejected'].includes(kyc.status))
			fail('only a decided KYC identification can be updated');
		if (status) kyc.status = status;
		if (statusReason) kyc.statusReason = statusReason;
		kyc.isCrossChecked = true;
		events.emit([{ type: 'KycIdentification.Updated', payload: clone(kyc), idvId: idv.id }]);
		return idv;
	}

	// Everything the person does on the hosted page, in the documented order.
	function complete(idv, outcome = 'approved', reason) {
		if (!idv.step.consent?.isConsented) consent(idv);
		const kyc = kycOf(idv);
		if (kyc && kyc.statusReason === 'Unfinished') processKyc(idv);
		return decide(idv, outcome, reason);
	}

	return {
		createIdv,
		consent,
		processKyc,
		decide,
		complete,
		expire: (i) => endAs(i, 'Expired'),
		abort: (i) => endAs(i, 'Aborted'),
		updateKyc,
		kycOf,
	};
}

module.exports = { createModel, JPEG };
