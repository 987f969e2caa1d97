'use strict';
// Runtime-mutable Verigram sandbox settings. Everything verigram.md marks UNCONFIRMED is a value here.
function defaultConfig() {
	return {
		// Test keys: the key alone authenticates (verigram.md §3.1); rate-limited (§7, numbers UNCONFIRMED).
		testKeys: ['sandbox-verigram-test-key'],
		// Production keys: key + secret, every request signed (§3.2, scheme UNCONFIRMED).
		productionKeys: [{ key: 'sandbox-verigram-prod-key', secret: 'sandbox-verigram-prod-secret' }],
		// X-Verigram-Api-Version values accepted on the Flow API (docs: 2.0; one integration: 2.0.0).
		apiVersions: ['2.0', '2.0.0'],
		// Versions accepted on the legacy /resources/access-token route (§3.3: public code sends 1.1 only).
		accessTokenVersions: ['1.1'],
		// Whether a test key (no secret) may call /resources/access-token (UNCONFIRMED; public code calls it
		// only with production keys). Pessimistic default: refused.
		accessTokenForTestKeys: false,
		// Status for a missing/unknown key and for a missing/bad signature (which is which: UNCONFIRMED).
		badKeyStatus: 401,
		badSignatureStatus: 403,
		// Allowed distance between X-Verigram-Ts and the sandbox clock, in seconds (UNCONFIRMED).
		signatureToleranceSeconds: 300,
		// Test-key rate limit (UNCONFIRMED numbers).
		testKeyRateLimit: { limit: 60, windowSeconds: 60, enforce: true },
		// Query parameter appended to callback_url on the final browser redirect (UNCONFIRMED: Verigram
		// documents callback_url only as where the user is redirected). Pessimistic default: nothing appended.
		callbackFlowIdParam: null,
		// What GET /flow/{id}/result shows before the flow is finished (UNCONFIRMED):
		// 'null' => flow_status and end_cause null; 'in_progress' => flow_status "in_progress".
		unfinishedResult: 'null',
		// A flow not finished within this time ends with flow_status "fail" and this end_cause (UNCONFIRMED).
		flowTtlSeconds: 86400,
		expiredEndCause: 'expired',
		// Whether a finished result also carries flow_id, person_id and finished_at (not documented:
		// the quickstart names flow_status and the per-service details only). Pessimistic default: off.
		resultExtraFields: false,
		// Host of vlink; null => this sandbox's own /verigram/hf2/{flow_id}/ page.
		vlinkBase: null,
		// Error body shape (UNCONFIRMED): 'error_code' => { error_code, message }; 'detail' => { detail }.
		errorShape: 'error_code',
		// Per-service results shown in a finished flow's result, by outcome (pluggable fixtures, UNCONFIRMED).
		serviceResults: {
			pass: [
				{ service_name: 'verilive', service_status: 'success', liveness: true },
				{
					service_name: 'kisc',
					service_status: 'success',
					face_match: true,
					similarity: 99.0,
					vendor: 'verigram',
				},
			],
			fail: [
				{ service_name: 'verilive', service_status: 'success', liveness: true },
				{
					service_name: 'kisc',
					service_status: 'fail',
					face_match: false,
					similarity: 12.5,
					vendor: 'verigram',
				},
			],
		},
	};
}

module.exports = { defaultConfig };
