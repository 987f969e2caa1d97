'use strict';
// Runtime-mutable Ondato sandbox settings. Everything the provider reference marks UNCONFIRMED is a
// value here (GET/PATCH /_control/ondato/config), never hard-coded in the handlers.
const APPLICATION_ID = '44575362-e08e-4f75-b399-00d9d8916552';

function defaultConfig() {
	return {
		applicationId: APPLICATION_ID,
		// OAuth2 client credentials issued by "Ondato" (client id format not to be relied on, ondato.md §3).
		clients: [
			{
				clientId: 'app.ondato.sandbox.n8n',
				clientSecret: 'sandbox-ondato-secret',
				// Scope names are UNCONFIRMED (3rd-party); a token without `scope` gets all of these (official).
				scopes: ['idv_api', 'kyc_identifications_api'],
			},
			{
				clientId: 'app.ondato.sandbox.readonly',
				clientSecret: 'sandbox-ondato-readonly-secret',
				scopes: ['idv_api_readonly', 'kyc_identifications_api_readonly'],
			},
		],
		tokenTtlSeconds: 3600, // UNCONFIRMED lifetime
		invalidClientStatus: 400, // 400 or 401 (UNCONFIRMED; IdentityServer answers 400 invalid_client)
		enforceScopes: true, // UNCONFIRMED scope names; off => any valid token may call anything
		// Error body of the APIs: 'problem' => ASP.NET ProblemDetails with errors{}, 'plain' => {message} (UNCONFIRMED)
		errorShape: 'problem',
		// POST .../filter paging: the offset parameter name and the largest page are UNCONFIRMED.
		offsetParam: 'offset',
		requireFilterBody: true, // refuse a POST .../filter without a JSON object body, as ASP.NET [FromBody] does (UNCONFIRMED)
		maxLimit: 100,
		phoneNumberType: 'number', // examples send a JSON number; 'any' also accepts a string (UNCONFIRMED)
		// GET /v1/identifications/{id}/files/{fileId}: 'binary' (image bytes) or 'base64json' (UNCONFIRMED)
		fileResponse: 'binary',
		fileContentType: 'image/jpeg',
		// Webhooks (ondato.md §7): Ondato waits 30 s, retries 10 s, 30 s, 1 m, 5 m, 10 m, 30 m, 1 h, 3 h, 6 h, then every 12 h, at most 30 attempts.
		webhookTimeoutMs: 30000,
		webhookRetrySchedule: [10, 30, 60, 300, 600, 1800, 3600, 10800, 21600, 43200, 43200],
		webhookMaxAttempts: 30,
		envelopeCasing: 'camel', // 'camel' or 'pascal' (both occur in doc revisions); a subscription may override
		legacyEventNames: false, // true => Idv.StatusChanged / Idv.Consented (older docs)
		// UNCONFIRMED HMAC scheme (3rd-party): header `Ondato-Signature: t=<unix s>, s=hex(HMAC-SHA256(secret, "<t>.<raw body>"))`
		hmacHeader: 'Ondato-Signature',
		duplicates: 0, // extra copies of every delivery (same envelope id): "duplicates may still arrive"
		outOfOrder: false, // deliver each batch of events in reverse order ("delivery is unordered")
		rejectReason: 'UnrelatedPhotoSubmit',
		// Face authentication statuses: Ondato's Face Authentication page lists Pending and Failed; no success
		// value is documented. A failed face authentication becomes Failed; a successful one becomes
		// faceAuthSuccessStatus, which by default is null: it stays Pending (documented values only).
		faceAuthSuccessStatus: null,
		// Whether the Face authentication API (host UNCONFIRMED) also answers on the IDV API host.
		// Pessimistic default: no, it is a separate API (/ondato/faceauth here).
		faceAuthOnIdvHost: false,
	};
}

module.exports = { defaultConfig, APPLICATION_ID };
