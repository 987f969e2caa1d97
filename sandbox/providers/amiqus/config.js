'use strict';
// Runtime-mutable Amiqus sandbox settings. UNCONFIRMED provider behaviour is kept here, never hard-coded.
function defaultConfig() {
	return {
		personalTokens: ['sandbox-amiqus-pat'],
		readOnlyTokens: [], // tokens that get 403 on writes (to exercise the 403 shape)
		oauthClients: [
			{ clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret', redirectUris: '*' },
		],
		oauthAccessTokenTtlSeconds: 31536000, // doc example value
		oauthCodeTtlSeconds: 600,
		oauthRequireFormEncoding: true, // docs say x-www-form-urlencoded
		errorShape: 'fields', // 'fields' => {"a.b":["msg"]}, 'list' => {"errors":["msg"]} (UNCONFIRMED which is live)
		webhookUrlStyle: 'v2', // 'v1' => show URLs like /api/clients/1 (seen in real fixtures)
		timestampStyle: 'Z', // webhook payload timestamps: 'Z' or '+00:00'
		pingFormat: 'guide', // 'guide' => {webhook,trigger,data}; 'log' => {uuid,event,sent_at,data:["ping"]}
		rateLimit: { limit: 200, windowSeconds: 60, enforce: true }, // window UNCONFIRMED
		webhookTimeoutMs: 5000,
		webhookRetrySchedule: [60, 120, 600, 900], // seconds, multiplied by timeScale
		webhookFailureLimit: 10,
		webhookUserAgent: 'Amiqus AmiqusID/2',
		requireHttpsWebhooks: false, // production requires public HTTPS; sandbox allows http://127.0.0.1
		recordExpiryDays: 10,
		maxExpiryDays: 10,
		clientDefaultStatus: 'pending', // status of a client created without one (doc example shows pending)
		userRole: 'owner', // 'member' => deleting a client that has records is 403 (admin only)
		maxUploadBytes: 100 * 1024 * 1024,
		allowUnknownQueryParameters: false,
		caseDefaultStatus: 'pending', // status of a new case (UNCONFIRMED; the documentation's example shows pending)
		caseItemsFromAnyClient: false, // whether a case may hold records of another client than its own (UNCONFIRMED)
	};
}

module.exports = { defaultConfig };
