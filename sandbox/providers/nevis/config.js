'use strict';
// Runtime-mutable Nevis (Authentication Cloud) sandbox settings. UNCONFIRMED facts of nevis.md are values here.
function defaultConfig() {
	return {
		accessKeys: ['sandbox-nevis-access-key'],
		// IDV path prefix: the docs only say "the idverification/sessions endpoint" (UNCONFIRMED full path).
		idvPrefix: '/api/v1/idverification/sessions',
		// How GET names a session (UNCONFIRMED): 'path' => {prefix}/{sessionId}; 'query' => {prefix}?{lookupQueryParam}=...
		lookup: 'path',
		lookupQueryParam: 'sessionId',
		// Whether /ping rejects a missing or wrong key (UNCONFIRMED). Pessimistic default: PONG to anyone.
		pingRequiresKey: false,
		// Whether the API offers DELETE on a session (the console does; the API: UNCONFIRMED). Pessimistic default: no.
		deleteSupported: false,
		// The instance's redirect URL (set when ordering / by a Nevis Portal ticket): where the browser goes at the end.
		redirectUrl: null,
		// Query parameter carrying the session id on that redirect (UNCONFIRMED; null = none). Pessimistic default: none.
		redirectSessionParam: null,
		// JSON type of sessionId in answers: Nevis calls it "a unique nine-digit identifier" without a type.
		// Pessimistic default: a JSON number; 'string' sends "123456789".
		sessionIdType: 'number',
		// Whether a finished session also carries completedAt (not documented). Pessimistic default: off.
		completedAtField: false,
		// Unfinished sessions time out after this (UNCONFIRMED duration); then GET answers per expiredBehaviour.
		sessionTtlSeconds: 3600,
		// 'not_found' => 404; 'pending' => stays "pending" (as the seed says for users who leave).
		expiredBehaviour: 'not_found',
		// Rate limit: none documented (UNCONFIRMED); null = off.
		rateLimit: null,
		// The result and data of a finished session (fixtures; field names UNCONFIRMED).
		results: {
			verified: {
				result: { decision: 'verified', errorCodes: [] },
				data: {
					firstName: 'Anna',
					lastName: 'Muster',
					dateOfBirth: '1990-04-23',
					nationality: 'CHE',
					documentType: 'PASSPORT',
					documentNumber: 'X1234567',
					documentExpiryDate: '2031-01-31',
					issuingCountry: 'CHE',
				},
			},
			failed: {
				result: { decision: 'failed', errorCodes: ['DOCUMENT_EXPIRED'] },
				data: {
					firstName: 'Anna',
					lastName: 'Muster',
					documentType: 'ID_CARD',
					issuingCountry: 'CHE',
				},
			},
		},
	};
}

module.exports = { defaultConfig };
