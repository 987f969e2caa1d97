'use strict';
// Ingestion under load, shared by the e2e suite (test/e2e/run.js) and the bench (bench/run.js):
// a fixed CPU load beside n8n, deliveries sent N at a time, and the accounting of what became of
// them (answered 2xx / executions / successful / lost, with the errors of failed executions).
const os = require('os');
const http = require('http');
const { spawn } = require('child_process');
const { track, stopProcess, sleep } = require('./n8n');

// A bounded busy loop: spins for `seconds` at most, then exits by itself (so a crashed parent
// never leaves it behind). One per core gives a machine as busy as a shared production host.
const BUSY_LOOP =
	'const end = Date.now() + Number(process.argv[1]) * 1000; let x = 0; while (Date.now() < end) { for (let i = 0; i < 1e6; i++) x += i; }';

/**
 * Starts `processes` busy-loop processes (default: one per core), each ending after `maxSeconds`.
 * Resolves a handle whose stop() ends them (by PID, each in its own process group).
 */
function startCpuLoad({ processes = os.cpus().length, maxSeconds = 600 } = {}) {
	const children = Array.from({ length: processes }, () =>
		track(
			'cpu load',
			spawn(process.execPath, ['-e', BUSY_LOOP, String(maxSeconds)], {
				detached: true,
				stdio: 'ignore',
			}),
		),
	);
	return {
		processes,
		pids: children.map((c) => c.pid),
		async stop() {
			await Promise.all(children.map((c) => stopProcess(c, 2000)));
		},
	};
}

/** POSTs `count` deliveries, `concurrency` at a time over keep-alive; make(i) gives { body, headers }. */
async function deliver(url, make, { count, concurrency = 10, timeoutMs = 60000 } = {}) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const statuses = new Array(count).fill(0);
	const send = ({ body, headers }) =>
		new Promise((resolve) => {
			const req = http.request(
				url,
				{
					method: 'POST',
					agent,
					headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode));
				},
			);
			req.setTimeout(timeoutMs, () => req.destroy());
			req.on('error', () => resolve(0));
			req.end(body);
		});
	const t = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const i = next++;
				statuses[i] = await send(make(i));
			}
		}),
	);
	agent.destroy();
	const ok = statuses.filter((s) => s >= 200 && s < 300).length;
	const byStatus = {};
	for (const s of statuses) byStatus[s] = (byStatus[s] || 0) + 1;
	return { ms: Date.now() - t, ok, failed: count - ok, byStatus, statuses };
}

/** Every execution of a workflow through the public API (cursor pagination), with data when asked. */
async function allExecutions(server, workflowId, { includeData = false } = {}) {
	const list = [];
	let cursor;
	for (;;) {
		const qs = new URLSearchParams({
			workflowId,
			limit: '250',
			...(includeData ? { includeData: 'true' } : {}),
			...(cursor ? { cursor } : {}),
		});
		const r = await server.api('GET', `/executions?${qs}`);
		if (r.status !== 200) throw new Error(`executions: ${r.status} ${r.text.slice(0, 200)}`);
		list.push(...r.json.data);
		cursor = r.json.nextCursor;
		if (!cursor) return list;
	}
}

/**
 * Waits until `expected` executions of a workflow have finished, or until their number has not
 * changed for `quietMs` (a count, not a timing: the caller compares the counts it gets).
 */
async function settle(server, workflowId, expected, { quietMs = 15000, maxMs = 300000 } = {}) {
	let list = [];
	let last = -1;
	let stableSince = Date.now();
	const end = Date.now() + maxMs;
	for (;;) {
		list = await allExecutions(server, workflowId);
		const done = list.filter((e) => e.finished || e.stoppedAt).length;
		if (done !== last) {
			last = done;
			stableSince = Date.now();
		}
		if (
			(done >= expected && done === list.length) ||
			Date.now() - stableSince > quietMs ||
			Date.now() > end
		)
			break;
		await sleep(1000);
	}
	const failed = list.filter((e) => e.status !== 'success');
	const errors = [];
	for (const e of failed.slice(0, 20)) {
		const r = await server.api('GET', `/executions/${e.id}?includeData=true`);
		const data = r.json?.data?.resultData;
		const nodeError = Object.values(data?.runData || {})
			.flat()
			.find((run) => run?.error)?.error;
		errors.push({
			id: e.id,
			status: e.status,
			error: String(data?.error?.message || nodeError?.message || 'no error recorded').slice(
				0,
				300,
			),
		});
	}
	return {
		executions: list.length,
		successful: list.length - failed.length,
		failed: failed.length,
		errors,
	};
}

/** The accounting of one side: sent, answered 2xx, executions, successful, lost (answered but no successful execution). */
function account(sent, answered, executions) {
	return {
		sent,
		answered2xx: answered.ok,
		refusedOrFailed: answered.failed,
		answerStatuses: answered.byStatus,
		deliveriesPerSecond: Math.round(sent / (answered.ms / 1000)),
		executions: executions.executions,
		successfulExecutions: executions.successful,
		failedExecutions: executions.errors,
		lost: Math.max(0, answered.ok - executions.successful),
	};
}

module.exports = { startCpuLoad, deliver, allExecutions, settle, account };
