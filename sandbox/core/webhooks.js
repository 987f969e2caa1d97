'use strict';
// Outbound webhook delivery with timeout and a retry schedule scaled by timeScale.
// Providers build the body and headers; this module only sends, retries and reports.
const http = require('http');
const https = require('https');

function postOnce(url, body, headers, timeoutMs) {
	return new Promise((resolve) => {
		let u;
		try {
			u = new URL(url);
		} catch {
			return resolve({ error: 'invalid url' });
		}
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(
			u,
			{ method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				res.on('error', (e) => resolve({ error: e.message }));
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
		req.on('error', (e) => resolve({ error: e.message }));
		req.end(body);
	});
}

function createDeliverer({ getTimeScale }) {
	const timers = new Map(); // timer -> resolve, so cancelling wakes pending retries up
	let closed = false;
	let generation = 0; // bumped on cancel so in-flight retry loops stop
	const sleep = (ms) =>
		new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.set(t, resolve);
		});
	const cancelAll = () => {
		generation++;
		for (const [t, resolve] of timers) {
			clearTimeout(t);
			resolve();
		}
		timers.clear();
	};

	// schedule: seconds between attempts, e.g. [60,120,600,900] = 5 attempts in all.
	// makeHeaders(attempt) lets the provider set attempt-specific headers (it may return a promise,
	// e.g. to fetch a token first).
	// Resolves { ok, attempts } after success or the last failed attempt.
	async function deliver({ url, body, makeHeaders, timeoutMs = 5000, schedule = [], onAttempt }) {
		const maxAttempts = schedule.length + 1;
		const gen = generation;
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			if (closed || gen !== generation)
				return { ok: false, attempts: attempt - 1, cancelled: true };
			const headers = await makeHeaders(attempt);
			const result = await postOnce(url, body, headers, timeoutMs);
			const ok = result.status >= 200 && result.status < 300;
			if (onAttempt)
				onAttempt({
					attempt,
					ok,
					status: result.status,
					error: result.error,
					responseHeaders: result.headers,
					responseBody: result.body,
					headers,
				});
			if (ok) return { ok: true, attempts: attempt };
			if (attempt < maxAttempts) await sleep(schedule[attempt - 1] * 1000 * getTimeScale());
		}
		return { ok: false, attempts: maxAttempts };
	}

	return {
		deliver,
		cancelAll,
		close() {
			closed = true;
			cancelAll();
		},
	};
}

module.exports = { createDeliverer, postOnce };
