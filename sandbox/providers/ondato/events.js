'use strict';
// Webhook deliveries (ondato.md §7): subscriptions are registered out of band (control endpoint),
// each with HTTP Basic, OAuth2 (a token fetched from the receiver's token URL with the client
// credentials, sent as Bearer) and/or the UNCONFIRMED HMAC scheme. Envelope {id, applicationId, createdUtc,
// deliveredUtc, isDelivered, payload, type}, camelCase or PascalCase keys.
const crypto = require('crypto');
const { uuid } = require('../../core/ids');
const { postOnce } = require('../../core/webhooks');
const { createAttemptLog, matchesEvent: matches } = require('../../core/deliveries');

// UNCONFIRMED (3rd-party): s = hex(HMAC-SHA256(secret, "<t>.<raw body>")), header "t=<t>, s=<s>".
const sign = (secret, t, rawBody) =>
	crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');

const PASCAL = {
	id: 'Id',
	applicationId: 'ApplicationId',
	createdUtc: 'CreatedUtc',
	deliveredUtc: 'DeliveredUtc',
	isDelivered: 'IsDelivered',
	payload: 'Payload',
	type: 'Type',
};

function createEvents({ state, config, clock, deliverer, problem }) {
	const log = createAttemptLog(); // sb.ondato.deliveries: one entry per HTTP attempt
	const tokenRequests = []; // sb.ondato.webhookTokenRequests: OAuth2 token requests to receivers
	let epoch = 0; // bumped by reset: queued and retried deliveries of an earlier epoch are dropped

	function envelopeBody(sub, env) {
		const body = {
			id: env.id,
			applicationId: env.applicationId,
			createdUtc: env.createdUtc,
			deliveredUtc: new Date(clock.nowMs()).toISOString(),
			isDelivered: true,
			payload: env.payload,
			type: env.type,
		};
		const casing = sub.casing || config().envelopeCasing;
		if (casing !== 'pascal') return body;
		return Object.fromEntries(Object.entries(body).map(([k, v]) => [PASCAL[k], v]));
	}

	// Sends one copy of one envelope; resolves when the FIRST attempt is answered (retries go on behind).
	function send(sub, env, logEntry, sentEpoch) {
		if (sentEpoch !== epoch) return Promise.resolve();
		const cfg = config();
		const raw = JSON.stringify(envelopeBody(sub, env));
		const sentHeaders = {}; // by attempt (the deliverer reports the response's headers)
		const makeHeaders = async (attempt) => {
			const h = { 'Content-Type': 'application/json', 'User-Agent': 'Ondato-Webhooks' };
			if (sub.basic)
				h.Authorization = `Basic ${Buffer.from(`${sub.basic.username}:${sub.basic.password}`).toString('base64')}`;
			if (sub.oauth2) {
				const token = await oauth2Token(sub);
				if (token) h.Authorization = `Bearer ${token}`;
			}
			if (sub.hmac) {
				const t = Math.floor(clock.nowMs() / 1000) + (sub.hmac.clockSkewSeconds || 0);
				h[cfg.hmacHeader] = `t=${t}, s=${sign(sub.hmac.secret, t, raw)}`;
			}
			h['X-Sandbox-Attempt'] = String(attempt);
			sentHeaders[attempt] = h;
			return h;
		};
		const schedule = cfg.webhookRetrySchedule.slice(0, Math.max(0, cfg.webhookMaxAttempts - 1));
		while (schedule.length < cfg.webhookMaxAttempts - 1)
			schedule.push(cfg.webhookRetrySchedule[cfg.webhookRetrySchedule.length - 1]);
		return new Promise((firstDone) => {
			deliverer
				.deliver({
					url: sub.url,
					body: raw,
					makeHeaders,
					timeoutMs: cfg.webhookTimeoutMs,
					schedule,
					onAttempt: (a) => {
						if (sentEpoch !== epoch) {
							if (a.attempt === 1) firstDone();
							return;
						}
						logEntry.attempts++;
						if (a.ok) {
							logEntry.isDelivered = true;
							logEntry.deliveredUtc = new Date(clock.nowMs()).toISOString();
						}
						if (a.status === 401 && sub.oauth2) sub.oauth2Token = null; // refused: the next attempt fetches a new token
						const headers = { ...sentHeaders[a.attempt] };
						if (headers.Authorization) headers.Authorization = '[redacted]';
						log.record({
							subscriptionId: sub.id,
							url: sub.url,
							type: env.type,
							envelopeId: env.id,
							attempt: a.attempt,
							status: a.status ?? null,
							error: a.error ?? null,
							ok: a.ok,
							body: raw,
							headers,
						});
						if (a.attempt === 1) firstDone();
					},
				})
				.then((r) => {
					if (r.cancelled) firstDone();
				})
				.catch((e) => {
					problem({ provider: 'ondato', kind: 'webhook', message: e.message });
					firstDone();
				});
		});
	}

	// OAuth2 delivery auth (ondato.md §7.2: "oAuth2 – clientID, clientSecret, tokenUrl"): a client-credentials
	// token request to the receiver's tokenUrl (form-encoded, as RFC 6749 §4.4), cached until expires_in.
	// Without a usable token the delivery goes out without Authorization (and is refused, then retried).
	async function oauth2Token(sub) {
		const cached = sub.oauth2Token;
		if (cached && cached.expiresAt > clock.nowMs()) return cached.value;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sub.oauth2.clientId,
			client_secret: sub.oauth2.clientSecret,
		}).toString();
		const r = await postOnce(
			sub.oauth2.tokenUrl,
			form,
			{ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			config().webhookTimeoutMs,
		);
		let body = {};
		try {
			body = JSON.parse(r.body || '{}');
		} catch {
			body = {};
		}
		tokenRequests.push({
			subscriptionId: sub.id,
			url: sub.oauth2.tokenUrl,
			status: r.status ?? null,
			error: r.error ?? null,
			issued: typeof body.access_token === 'string',
		});
		if (!(r.status >= 200 && r.status < 300) || typeof body.access_token !== 'string') return null;
		const ttl = Number(body.expires_in) > 0 ? Number(body.expires_in) : 300;
		sub.oauth2Token = { value: body.access_token, expiresAt: clock.nowMs() + ttl * 1000 };
		return body.access_token;
	}

	// A batch = the events one action produces, in the documented order.
	function emit(batch) {
		const cfg = config();
		const envelopes = batch.map((e) => ({
			id: uuid(),
			applicationId: cfg.applicationId,
			createdUtc: new Date(clock.nowMs()).toISOString(),
			type: e.type,
			payload: e.payload,
			idvId: e.idvId,
		}));
		for (const sub of state().subscriptions.values()) {
			let list = envelopes.filter((env) => matches(sub.events, env.type));
			if (!list.length) continue;
			if (sub.outOfOrder ?? cfg.outOfOrder) list = list.slice().reverse();
			const copies = 1 + Number(sub.duplicates ?? cfg.duplicates ?? 0);
			for (const env of list) {
				const logEntry = {
					id: env.id,
					subscriptionId: sub.id,
					idvId: env.idvId,
					type: env.type,
					createdUtc: env.createdUtc,
					deliveredUtc: null,
					isDelivered: false,
					attempts: 0,
				};
				state().webhookLog.push(logEntry);
				const sentEpoch = epoch;
				for (let i = 0; i < copies; i++)
					sub.chain = sub.chain.then(() => send(sub, env, logEntry, sentEpoch));
			}
		}
	}

	function subscribe(spec) {
		let u;
		try {
			u = new URL(spec.url);
		} catch {
			throw Object.assign(new Error('url must be an absolute http(s) URL'), { status: 400 });
		}
		if (!['http:', 'https:'].includes(u.protocol))
			throw Object.assign(new Error('url must be an absolute http(s) URL'), { status: 400 });
		if (spec.basic && (!spec.basic.username || spec.basic.password == null))
			throw Object.assign(new Error('basic needs username and password'), { status: 400 });
		if (spec.hmac && !spec.hmac.secret)
			throw Object.assign(new Error('hmac needs a secret'), { status: 400 });
		if (
			spec.oauth2 &&
			(!spec.oauth2.clientId || !spec.oauth2.clientSecret || !spec.oauth2.tokenUrl)
		)
			throw Object.assign(new Error('oauth2 needs clientId, clientSecret and tokenUrl'), {
				status: 400,
			});
		if (spec.basic && spec.oauth2)
			throw Object.assign(new Error('a subscription uses basic or oauth2, not both'), {
				status: 400,
			});
		if (!spec.basic && !spec.hmac && !spec.oauth2)
			throw Object.assign(
				new Error('a subscription needs basic, oauth2 and/or hmac authentication (ondato.md §7.2)'),
				{ status: 400 },
			);
		if (spec.casing && !['camel', 'pascal'].includes(spec.casing))
			throw Object.assign(new Error('casing must be camel or pascal'), { status: 400 });
		const sub = {
			id: uuid(),
			url: spec.url,
			events: spec.events || ['*'],
			basic: spec.basic || null,
			oauth2: spec.oauth2 || null,
			oauth2Token: null,
			hmac: spec.hmac || null,
			casing: spec.casing,
			duplicates: spec.duplicates,
			outOfOrder: spec.outOfOrder,
			chain: Promise.resolve(),
		};
		state().subscriptions.set(sub.id, sub);
		return publicSub(sub);
	}

	const publicSub = (s) => ({
		id: s.id,
		url: s.url,
		events: s.events,
		auth: [s.basic && 'basic', s.oauth2 && 'oauth2', s.hmac && 'hmac'].filter(Boolean),
		casing: s.casing || null,
	});

	return {
		emit,
		subscribe,
		publicSub,
		attempts: log.attempts,
		tokenRequests,
		waitForDeliveries: log.waitForDeliveries,
		reset: () => {
			epoch++;
			log.reset();
			tokenRequests.length = 0;
		},
		sign,
	};
}

module.exports = { createEvents, sign };
