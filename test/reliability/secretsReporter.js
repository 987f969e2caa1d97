'use strict';
// A jest reporter: after the whole run, scans everything the tests captured (console output,
// outputs and errors of the harness runs) for the credential secrets and tokens the tests used and
// the sandbox's own, and fails the run when one appears. Figures go to bench/results/reliability.json.
const fs = require('fs');
const path = require('path');
process.env.JEST_CAPTURE_RUN = process.env.JEST_CAPTURE_RUN || String(process.pid);
const { DIR, secretsOf } = require('./capture');

const REPO = path.resolve(__dirname, '..', '..');

/** The sandbox's built-in credentials (every provider's default config). */
function sandboxSecrets() {
	const out = new Set();
	for (const dir of fs.readdirSync(path.join(REPO, 'sandbox', 'providers'), {
		withFileTypes: true,
	})) {
		const config = path.join(REPO, 'sandbox', 'providers', dir.name, 'config.js');
		if (!dir.isDirectory() || !fs.existsSync(config)) continue;
		try {
			const mod = require(config);
			if (typeof mod.defaultConfig === 'function') secretsOf(mod.defaultConfig(), out);
		} catch {
			/* a provider being written by someone else: skip */
		}
	}
	return out;
}

/** Scans captured lines for secrets (verbatim or base64). Returns { lines, bytes, leaks }. */
function scan(files, secrets) {
	const needles = [...secrets].flatMap((s) => [
		[s, s],
		[s, Buffer.from(s).toString('base64')],
	]);
	const leaks = [];
	let lines = 0;
	let bytes = 0;
	for (const file of files) {
		for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
			if (!line) continue;
			lines++;
			bytes += line.length;
			let entry;
			try {
				entry = JSON.parse(line);
			} catch {
				continue;
			}
			if (entry.kind === 'credentials') continue;
			for (const [secret, needle] of needles) {
				if (line.includes(needle))
					leaks.push({
						secret: `${secret.slice(0, 4)}…`,
						kind: entry.kind,
						where: line.slice(Math.max(0, line.indexOf(needle) - 120), line.indexOf(needle) + 40),
					});
			}
		}
	}
	return { lines, bytes, leaks };
}

class SecretsReporter {
	constructor(globalConfig) {
		this.error = undefined;
		// Only a run of the whole suite may replace the figures the README quotes.
		const g = globalConfig || {};
		this.wholeSuite = !(
			g.testPathPattern ||
			g.testNamePattern ||
			g.onlyChanged ||
			g.findRelatedTests ||
			g.lastCommit ||
			g.onlyFailures
		);
	}

	onRunStart() {
		fs.rmSync(DIR, { recursive: true, force: true });
	}

	onRunComplete(_contexts, results) {
		const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).map((f) => path.join(DIR, f)) : [];
		const secrets = sandboxSecrets();
		for (const file of files) {
			for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
				if (!line.includes('"kind":"credentials"')) continue;
				try {
					secretsOf(JSON.parse(line).value, secrets);
				} catch {
					/* partial line */
				}
			}
		}
		const { lines, bytes, leaks } = scan(files, secrets);
		fs.rmSync(DIR, { recursive: true, force: true });
		if (this.wholeSuite && files.length)
			writeFigures({
				filesScanned: files.length,
				recordsScanned: lines,
				kilobytesScanned: Math.round(bytes / 1024),
				secretsChecked: secrets.size,
				leaks: leaks.length,
				examples: leaks.slice(0, 5),
			});
		if (leaks.length) {
			this.error = new Error(
				`Secrets scan: ${leaks.length} credential secret(s) or token(s) appear in test outputs, errors or logs:\n${leaks
					.slice(0, 10)
					.map((l) => `  ${l.secret} in ${l.kind}: …${l.where}…`)
					.join('\n')}`,
			);
			console.error(this.error.message);
			results.numFailedTests += 1;
			results.numTotalTests += 1;
			results.success = false;
		} else if (files.length) {
			console.log(
				`Secrets scan: ${secrets.size} secrets checked in ${lines} captured records (${Math.round(bytes / 1024)} KB): none found`,
			);
		}
	}

	getLastError() {
		return this.error;
	}
}

function writeFigures(figures) {
	const file = path.join(REPO, 'bench', 'results', 'reliability.json');
	let all = {};
	try {
		all = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		all = {};
	}
	all.secrets = {
		description:
			'After the jest run: console output, harness run outputs and errors scanned for every credential secret and token the tests used and the sandbox defaults',
		...figures,
		measuredAt: new Date().toISOString(),
	};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

module.exports = SecretsReporter;
module.exports.scan = scan;
module.exports.sandboxSecrets = sandboxSecrets;
