'use strict';
// The check runner the e2e, queue, editor and packages suites share: named checks, plain
// assertions, a summary line and the exit code. Each suite makes one run with createRun().

const { setTimeout: sleep } = require('timers/promises');

function assert(cond, message) {
	if (!cond) throw new Error(message);
}

function eq(actual, expected, what) {
	assert(
		actual === expected,
		`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
	);
}

const log = (s) => console.log(`  · ${s}`);

/** Polls fn until it returns a truthy value; returns the last value on timeout. */
async function waitFor(fn, { timeoutMs = 30000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v || Date.now() > deadline) return v;
		await sleep(intervalMs);
	}
}

const indented = (text, lines) => String(text).split('\n').slice(0, lines).join('\n      ');

/**
 * One suite's run. `label` starts the summary line ("e2e: 3 passed, 0 failed"); `prefix` starts
 * each check's line; `detail(error)` is what a failure prints (its stack by default); `onFail`
 * may add a line to it (e.g. a screenshot's path).
 */
function createRun({
	label,
	prefix = '',
	stackLines = 6,
	detail = (e) => e.stack || e,
	onFail,
} = {}) {
	const results = [];
	const t0 = Date.now();

	async function check(name, fn) {
		const t = Date.now();
		try {
			await fn();
			results.push({ name, ok: true, ms: Date.now() - t });
			console.log(`ok    ${prefix}${name} (${Date.now() - t} ms)`);
		} catch (e) {
			results.push({ name, ok: false, ms: Date.now() - t, error: e });
			const extra = onFail ? await onFail(name, e, results.length) : '';
			console.log(
				`FAIL  ${prefix}${name} (${Date.now() - t} ms)\n      ${indented(detail(e), stackLines)}${extra ? `\n      ${extra}` : ''}`,
			);
		}
	}

	function skip(name, why) {
		results.push({ name, skipped: true });
		console.log(`SKIPPED: ${name}: ${why}`);
	}

	/** Whether no check has failed so far. */
	const allPassed = () => results.every((r) => r.ok !== false);

	/** Runs the suite's main(), counts a throw as a failed "setup", prints the summary and exits. */
	function finish(main) {
		return main()
			.catch((e) => {
				results.push({ name: 'setup', ok: false, error: e });
				console.log(`FAIL  ${prefix}setup\n      ${indented(e.stack || e, 8)}`);
			})
			.finally(() => {
				const passed = results.filter((r) => r.ok).length;
				const failed = results.filter((r) => r.ok === false).length;
				console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
				console.log(`${label}: ${passed} passed, ${failed} failed`);
				process.exit(failed ? 1 : 0);
			});
	}

	return { results, check, skip, allPassed, finish, startedAt: t0 };
}

module.exports = { assert, eq, log, waitFor, createRun };
