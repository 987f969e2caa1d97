'use strict';
// Builds documented webhook payloads and sends signed deliveries (amiqus.md §7).
const crypto = require('crypto');
const { isoSeconds } = require('../../core/clock');
const { uuid } = require('../../core/ids');
const { createAttemptLog, matchesEvent: matches } = require('../../core/deliveries');

const sign = (secret, rawBody) =>
	crypto.createHmac('sha256', secret).update(rawBody).digest('base64');

function createEvents({ state, config, clock, deliverer, getUrl, problem }) {
	const log = createAttemptLog(); // sb.amiqus.deliveries: one entry per HTTP attempt
	const ts = (d) => isoSeconds(d, config().timestampStyle);

	function showUrl(kind, id, suffix = '') {
		const api =
			config().webhookUrlStyle === 'v1' ? `${getUrl()}/amiqus/api` : `${getUrl()}/amiqus/api/v2`;
		return `${api}/${kind}/${id}${suffix}`;
	}

	function dataFor(alias, { client, record }) {
		if (alias === 'client.deleted') return { client: { id: client.id } };
		if (alias.startsWith('client.') && alias !== 'client.record')
			return { client: { id: client.id, show: showUrl('clients', client.id) } };
		const r = record;
		return {
			record: {
				id: r.id,
				type: 'client',
				show: showUrl('records', r.id),
				download: showUrl('records', r.id, '/download'),
			},
			client: { id: r.client, show: showUrl('clients', r.client) },
			case: null,
		};
	}

	function bodyFor(w, alias, data, deliveryUuid) {
		if (alias === 'ping' && config().pingFormat === 'log')
			return { uuid: deliveryUuid, event: 'ping', sent_at: ts(clock.now()), data: ['ping'] };
		return {
			webhook: { uuid: w.uuid, created_at: ts(w.created_at), events: w.events },
			trigger: { triggered_at: ts(clock.now()), alias },
			data,
		};
	}

	function send(w, alias, data) {
		const cfg = config();
		const deliveryId = uuid();
		const body = JSON.stringify(bodyFor(w, alias, data, deliveryId));
		const signature = sign(w.secret, body);
		const st = state();
		const logEntry = {
			object: 'webhook_delivery',
			id: st.ids.next('delivery'),
			uuid: deliveryId,
			event: alias,
			attempts: 0,
			webhook: w.id,
			request: { url: w.url, method: 'POST', headers: {}, body: JSON.parse(body) },
			response: { status_code: '0', headers: {}, body: null },
			last_sent_at: null,
		};
		st.deliveries.set(logEntry.id, logEntry);
		const makeHeaders = (attempt) => ({
			'Content-Type': 'application/json',
			'User-Agent': cfg.webhookUserAgent,
			'X-AQID-Signature': signature,
			'X-AQID-Delivery-Id': deliveryId,
			'X-AQID-Delivery-Attempt': String(attempt),
		});
		const onAttempt = (a) => {
			logEntry.attempts = a.attempt;
			logEntry.last_sent_at = isoSeconds(clock.now());
			logEntry.request.headers = {
				...a.headers,
				'Content-Length': String(Buffer.byteLength(body)),
				'X-AQID-Signature': '[redacted]',
			};
			logEntry.response = {
				status_code: String(a.status ?? 0),
				headers: {},
				body: a.responseBody ?? a.error ?? null,
			};
			log.record({
				webhookId: w.id,
				url: w.url,
				event: alias,
				deliveryId,
				attempt: a.attempt,
				status: a.status ?? null,
				error: a.error ?? null,
				ok: a.ok,
				body,
				headers: a.headers,
			});
		};
		return deliverer
			.deliver({
				url: w.url,
				body,
				makeHeaders,
				timeoutMs: cfg.webhookTimeoutMs,
				schedule: alias === 'ping' ? [] : cfg.webhookRetrySchedule,
				onAttempt,
			})
			.then((res) => {
				if (res.cancelled) return res;
				const live = state().webhooks.get(w.id);
				if (!live) return res;
				if (res.ok) live.failures = 0;
				else if (alias !== 'ping') {
					live.failures = (live.failures || 0) + 1;
					// Auto-deactivation after N payloads failed all attempts (amiqus.md §7.4).
					if (live.failures >= config().webhookFailureLimit) {
						live.is_enabled = false;
						live.updated_at = clock.now();
					}
				}
				return res;
			})
			.catch((e) => problem({ provider: 'amiqus', kind: 'webhook', message: e.message }));
	}

	function emit(alias, subject) {
		const data = dataFor(alias, subject);
		const sent = [];
		for (const w of state().webhooks.values())
			if (w.is_enabled && matches(w.events, alias)) sent.push(send(w, alias, data));
		return sent;
	}

	function ping(w) {
		return send(w, 'ping', {});
	}

	return {
		emit,
		ping,
		attempts: log.attempts,
		waitForDeliveries: log.waitForDeliveries,
		reset: log.reset,
		sign,
	};
}

module.exports = { createEvents, sign };
