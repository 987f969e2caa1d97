#!/usr/bin/env node
'use strict';
// `npm run test:versions`: the e2e smoke set (test/e2e/run.js --smoke: every action node, every
// trigger, without the revoked-token run) in the n8n versions users run besides the pinned one,
// which `npm run test:e2e` covers with the whole suite. Each version is installed once into
// .runtime/n8n-<version> (scripts/runtime.sh <version>) and reused.
//
//   node test/e2e/versions.js [version...]     default: VERSIONS below (or E2E_VERSIONS, comma-separated)
const { spawnSync } = require('child_process');
const path = require('path');

// The newest 1.x, and the newest 2.x that installs from the registry (2.41.3 needs @n8n/agents
// 0.26.2, which the registry lacks).
const VERSIONS = ['1.123.81', '2.41.1'];

const argv = process.argv.slice(2);
const versions = argv.length
	? argv
	: process.env.E2E_VERSIONS
		? process.env.E2E_VERSIONS.split(',')
		: VERSIONS;
const t0 = Date.now();
const summary = [];
for (const version of versions) {
	const t = Date.now();
	console.log(`\n==== n8n ${version}: e2e smoke set`);
	const r = spawnSync(
		process.execPath,
		[path.join(__dirname, 'run.js'), '--n8n', version, '--smoke'],
		{ stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
	);
	process.stdout.write(r.stdout || '');
	const line = /e2e: (\d+) passed, (\d+) failed/.exec(r.stdout || '');
	summary.push({
		version,
		passed: line ? Number(line[1]) : 0,
		failed: line ? Number(line[2]) : 1,
		ok: r.status === 0 && !!line,
		s: Math.round((Date.now() - t) / 1000),
	});
}
console.log('');
for (const s of summary)
	console.log(
		`${s.ok ? 'ok  ' : 'FAIL'}  n8n ${s.version}: ${s.passed} passed, ${s.failed} failed (${s.s} s)`,
	);
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(
	`versions: ${summary.filter((s) => s.ok).length} passed, ${summary.filter((s) => !s.ok).length} failed`,
);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
