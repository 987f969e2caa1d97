#!/usr/bin/env node
'use strict';
// Prints the "## Verification statuses" markdown built from the status tables in nodes/*/verdict.ts,
// or with --write writes it to docs/verification.md and between the README's
// <!-- verification-table:start/end --> markers (test/shared/verdictTables.test.ts checks they agree).
// The TypeScript sources are transpiled on the fly, so no build is needed.
const fs = require('fs');
const path = require('path');
require('./require-ts');

const { verificationMarkdown, withDocsSection, withReadmeTable } = require('./verdict-tables.ts');
const markdown = verificationMarkdown();
if (process.argv.includes('--write')) {
	const root = path.join(__dirname, '..');
	const docsPath = path.join(root, 'docs', 'verification.md');
	fs.writeFileSync(
		docsPath,
		withDocsSection(fs.existsSync(docsPath) ? fs.readFileSync(docsPath, 'utf8') : ''),
	);
	console.log('wrote docs/verification.md');
	const readmePath = path.join(root, 'README.md');
	const readme = fs.readFileSync(readmePath, 'utf8');
	const updated = withReadmeTable(readme);
	if (updated !== readme) {
		fs.writeFileSync(readmePath, updated);
		console.log('wrote the table between the markers of README.md');
	}
} else {
	process.stdout.write(markdown);
}
