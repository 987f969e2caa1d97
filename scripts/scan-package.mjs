#!/usr/bin/env node
// Runs n8n's community-package scanner (@n8n/scan-community-package) on local packages, offline:
// every check of `npx @n8n/scan-community-package <name>` except the provenance gate, which needs
// the package published from GitHub Actions. The scanner's two lint legs, with its own config
// (allowInlineConfig false, so eslint-disable comments do not count):
//   source:  the package folder's package.json and {nodes,credentials}/**/*.{js,ts,json}
//            (what it lints in the attested source checkout)
//   tarball: `npm pack` of the folder, unpacked: **/*.js and package.json
//
//   node scripts/scan-package.mjs <package folder>...     exit 1 when any package fails
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

async function scan(dir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
	try {
		const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
			cwd: dir,
			stdio: ['ignore', 'pipe', 'inherit'],
		})
			.toString()
			.trim()
			.split('\n')
			.pop();
		const unpacked = path.join(work, 'package');
		fs.mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', path.join(work, out), '-C', unpacked, '--strip-components=1']);
		const source = await analyzePackage(path.resolve(dir), SOURCE_FILE_PATTERNS);
		const tarball = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
		const passed = source.passed && tarball.passed;
		const files = execFileSync('tar', ['-tzf', path.join(work, out)])
			.toString()
			.trim()
			.split('\n').length;
		console.log(
			`${passed ? 'ok  ' : 'FAIL'}  scan ${pkg.name}@${pkg.version} (${out}, ${files} files): source ${source.passed ? 'passed' : source.message}, tarball ${tarball.passed ? 'passed' : tarball.message}`,
		);
		for (const r of [source, tarball]) if (!r.passed && r.details) console.log(r.details);
		return passed;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

const dirs = process.argv.slice(2);
if (!dirs.length) {
	console.error('usage: node scripts/scan-package.mjs <package folder>...');
	process.exit(2);
}
let failed = 0;
for (const dir of dirs) if (!(await scan(dir))) failed++;
process.exit(failed ? 1 : 0);
