'use strict';
// In-memory Amiqus state. Maps keyed by integer id, plus token tables for auth.
const { createIdGen } = require('../../core/ids');

const ID_BASES = {
	client: 73800,
	record: 983400,
	step: 2,
	check: 82300,
	document: 15400,
	review: 2690,
	attachment: 31700,
	file: 31780,
	template: 43700,
	webhook: 2150,
	delivery: 4530,
};

function createState() {
	return {
		ids: createIdGen(ID_BASES),
		user: {
			object: 'user',
			id: 345789,
			name: 'Sandbox User',
			email: 'sandbox.user@example.com',
			is_verified: true,
			is_disabled: false,
			created_at: '2019-08-24T14:15:22Z',
			updated_at: '2019-08-24T14:15:22Z',
		},
		team: {
			object: 'team',
			id: 88,
			identifier: 'sandbox-team',
			uuid: '6b9c8323-4b54-4bb3-a1c8-68de534368a5',
			name: 'Sandbox Team',
			contact: 'sandbox.support@example.com',
			telephone: null,
			tier: 'standard_2021',
			logo: null,
			is_support_enabled: true,
			created_at: '2019-08-24T14:15:22Z',
			updated_at: '2019-08-24T14:15:22Z',
			archived_at: null,
		},
		clients: new Map(),
		records: new Map(),
		steps: new Map(),
		checks: new Map(),
		documents: new Map(),
		reviews: new Map(),
		attachments: new Map(),
		files: new Map(),
		templates: new Map(),
		webhooks: new Map(),
		deliveries: new Map(), // webhook_delivery objects served by GET /webhooks/{id}/deliveries
		performTokens: new Map(), // perform_url token -> record id
		oauth: { codes: new Map(), accessTokens: new Map(), refreshTokens: new Map() },
	};
}

module.exports = { createState };
