'use strict';
// Runtime-mutable Identomat sandbox settings. UNCONFIRMED provider behaviour lives here, never hard-coded.
function defaultConfig() {
	return {
		// Company keys; a company with a secretKey is an "HMAC" company: requests must be signed and
		// successful responses are signed (HMAC page).
		companies: [
			{ companyKey: 'sandbox-identomat-company', secretKey: null },
			{ companyKey: 'sandbox-identomat-hmac-company', secretKey: 'sandbox-identomat-hmac-secret' },
		],
		invalidKeyStatus: 400, // status of "COMPANY_KEY_INVALID" (UNCONFIRMED: 200 or 4xx)
		errorStatus: 400, // status of other errors (UNCONFIRMED)
		errorCodes: {
			// UNCONFIRMED spellings; only COMPANY_KEY_INVALID is documented
			sessionNotFound: 'SESSION_NOT_FOUND',
			sessionExpired: 'SESSION_EXPIRED',
			signatureInvalid: 'SIGNATURE_INVALID',
			argumentError: 'ARGUMENT_ERROR',
			configNotFound: 'CONFIG_NOT_FOUND',
		},
		signatureStatus: 401, // status when a request's HMAC is missing or wrong (UNCONFIRMED)
		multipartHmac: 'parts', // 'parts' = chained HMAC over part values (text first); 'body' = whole body
		tamperResponses: false, // test switch: sign, then alter the body (a man in the middle)
		tokenTtlMinutes: 15,
		expiry: 'unopened', // 'unopened' = expires 15 min after begin/ unless the widget was opened; 'always'; 'never'
		strictStepTypes: true, // refuse step types the developer guide does not list
		resultStrings: { inProgress: 'in_progress', manualCheck: 'manual_check' }, // UNCONFIRMED spellings
		deleteResponse: true, // body of a successful delete/ (UNCONFIRMED)
		mediaErrorStatus: 400, // status of {"argumentError": ...} from media endpoints (UNCONFIRMED)
		// Query parameter the widget appends to return_url (UNCONFIRMED: Identomat documents nothing about it).
		// Pessimistic default: nothing appended; tests of the Identomat Trigger's browser return set 'session_token'.
		returnUrlTokenParameter: null,
		configurations: {
			'62412c096c4b39ba845d4bf2': {
				flags: { language: 'en' },
				steps: [
					{ type: 'identity-document', key: 'identity-document' },
					{ type: 'liveness', key: 'liveness' },
				],
			},
		},
		callbacks: {
			url: null, // Callback URL of the company settings
			apiKey: 'sandbox-identomat-callback-key', // Callback API key, sent inside every body
			statusUpdates: false, // the status-update callback is UNCONFIRMED: off unless switched on
			statusUpdateType: 'status-update',
			timeoutMs: 5000,
			retrySchedule: [], // retry policy UNCONFIRMED: one attempt by default
		},
	};
}

module.exports = { defaultConfig };
