'use strict';
// The Ondato sandbox's state: the application's setups (three fixtures, one disabled) and what the
// APIs, the token server and the webhooks create.
const { uuid } = require('../../core/ids');

function createState(config, clock) {
	const now = new Date(clock.nowMs()).toISOString();
	const setup = (id, name, steps, extra = {}) => ({
		id,
		versionId: uuid(),
		applicationId: config.applicationId,
		createdUtc: now,
		modifiedUtc: now,
		isDisabled: false,
		name,
		endScreen: { enabled: true },
		generalAppSetting: { supportEmail: 'support@example.com' },
		omnichannel: {
			enabled: false,
			appStoreEnabled: false,
			restrictToSameIpAddress: false,
			onlyMobileEnabled: false,
		},
		sessionScreenRecording: { enabled: false },
		submissionContinuity: { enabled: false, otpDeliverType: 'Email' },
		webAppSetting: {
			baseUrl: 'https://idv.ondato.com',
			defaultLocalisationSetting: {
				consentDeclinedRedirectUrl: null,
				failureRedirectUrl: null,
				language: 'en',
				pageTitle: name,
				successRedirectUrl: null,
			},
			localisationSettings: [],
		},
		steps: steps.map((type, i) => ({
			type,
			order: i + 1,
			setupId: type === 'Consent' ? null : uuid(),
		})),
		...extra,
	});
	const setups = new Map();
	for (const s of [
		setup('5f16990b-d00a-4ff2-8102-e7b8d5820c28', 'KYC onboarding', [
			'Consent',
			'KycIdentification',
		]),
		setup('0f60f6f8-8e73-4873-b2ee-e02275994a77', 'Face authentication', [
			'Consent',
			'FaceAuthentication',
		]),
		setup(
			'3fa85f64-5717-4562-b3fc-2c963f66afa6',
			'Legacy onboarding (disabled)',
			['Consent', 'KycIdentification'],
			{ isDisabled: true },
		),
	])
		setups.set(s.id, s);
	return {
		setups,
		idvs: new Map(),
		kycs: new Map(),
		faceAuths: new Map(),
		files: new Map(), // fileId -> { kycId, buffer }
		tokens: new Map(), // access token -> { clientId, scopes, expiresAt }
		tokenRequests: 0,
		tokensIssued: 0,
		subscriptions: new Map(),
		webhookLog: [], // per envelope: { idvId, id, type, createdUtc, deliveredUtc, isDelivered, attempts }
	};
}

module.exports = { createState };
