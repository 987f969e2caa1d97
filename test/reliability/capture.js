'use strict';
// What the tests captured, for the secrets scan (test/reliability/secretsReporter.js): console
// output of every test file, the outputs and errors of every harness run, and the credential
// secrets the tests used. One JSON line per record, one file per test process.
const fs = require('fs');
const path = require('path');

// One directory per jest run (the reporter sets JEST_CAPTURE_RUN before workers start), so runs of
// other people in the same checkout do not mix or delete each other's captures.
const DIR = path.resolve(
	__dirname,
	'..',
	'..',
	'.jest-capture',
	process.env.JEST_CAPTURE_RUN || String(process.pid),
);
const SECRET_KEY =
	/(secret|token|password|apikey|api_key|accesskey|companykey|callbackapikey|^key)s?$/i;

function file() {
	fs.mkdirSync(DIR, { recursive: true });
	return path.join(DIR, `${process.pid}.jsonl`);
}

function record(kind, value) {
	try {
		fs.appendFileSync(
			file(),
			`${JSON.stringify({ kind, value }, (k, v) => (typeof v === 'bigint' ? String(v) : v))}\n`,
		);
	} catch {
		/* capture must never break a test */
	}
}

// Values that look like names, not secrets (e.g. scope names under a "keys" entry).
const plausible = (v) =>
	v.length >= 8 && (/\d|sandbox/i.test(v) || v.length >= 24 || /[A-Z]/.test(v));

/** Secret-looking string values of a credential (or config) object, at any depth. */
function secretsOf(value, out = new Set(), depth = 0) {
	if (!value || typeof value !== 'object' || depth > 6) return out;
	for (const [key, v] of Object.entries(value)) {
		if (typeof v === 'string' && SECRET_KEY.test(key.replace(/[-_]/g, '')) && plausible(v))
			out.add(v);
		else if (Array.isArray(v) && SECRET_KEY.test(key))
			v.filter((x) => typeof x === 'string' && plausible(x)).forEach((x) => out.add(x));
		else if (v && typeof v === 'object') secretsOf(v, out, depth + 1);
	}
	return out;
}

module.exports = { DIR, record, secretsOf };
