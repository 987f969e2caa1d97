#!/usr/bin/env node
'use strict';
// Publishes the six packages: the all-in-one (this folder) and the five of dist-providers/
// (`npm run build:providers` first), each with `npm publish --provenance --access public`.
// Run by .github/workflows/publish.yml in GitHub Actions (provenance needs its OIDC token);
// `npm test` runs it with --dry-run (test/packages/run.js), which packs and checks all six
// without publishing. A version already on the registry is skipped, so a failed run can be repeated.
//
//   node scripts/publish.js [--dry-run]
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { PROVIDERS, OUT } = require('./build-providers');

const REPO = path.resolve(__dirname, '..');
const DRY = process.argv.includes('--dry-run');
const root = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const dirs = [REPO, ...PROVIDERS.map((p) => path.join(OUT, p.name))];

for (const dir of dirs) {
	const file = path.join(dir, 'package.json');
	if (!fs.existsSync(file))
		throw new Error(`${path.relative(REPO, dir)} missing: run npm run build:providers first`);
	const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (pkg.version !== root.version)
		throw new Error(
			`${pkg.name} is ${pkg.version}, the all-in-one ${root.version}: rebuild with npm run build:providers`,
		);
	if (!DRY) {
		let published = '';
		try {
			published = execFileSync('npm', ['view', `${pkg.name}@${pkg.version}`, 'version'], {
				stdio: ['ignore', 'pipe', 'ignore'],
			})
				.toString()
				.trim();
		} catch {
			/* not published yet */
		}
		if (published === pkg.version) {
			console.log(`${pkg.name}@${pkg.version}: already published, skipped`);
			continue;
		}
	}
	const args = ['publish', '--provenance', '--access', 'public', ...(DRY ? ['--dry-run'] : [])];
	const out = execFileSync('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
		.toString()
		.trim();
	console.log(
		`${pkg.name}@${pkg.version}: ${DRY ? 'dry run' : 'published'} (${out.split('\n').pop()})`,
	);
}
