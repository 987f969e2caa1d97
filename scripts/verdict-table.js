#!/usr/bin/env node
'use strict';
// Prints the "## Verification statuses" markdown built from the status tables in nodes/*/verdict.ts,
// or with --write writes it to docs/verification.md and between the README's
// <!-- verification-table:start/end --> markers (test/verdict/tables.test.ts checks they agree).
// The TypeScript sources are transpiled on the fly, so no build is needed.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
	});
	module._compile(outputText, filename);
};

const { verificationMarkdown, withDocsSection, withReadmeTable } = require('../test/verdict/tables.ts');
const markdown = verificationMarkdown();
if (process.argv.includes('--write')) {
	const root = path.join(__dirname, '..');
	const docsPath = path.join(root, 'docs', 'verification.md');
	fs.writeFileSync(docsPath, withDocsSection(fs.existsSync(docsPath) ? fs.readFileSync(docsPath, 'utf8') : ''));
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
