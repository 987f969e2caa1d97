#!/usr/bin/env node
'use strict';
// `npm run build:providers`: emits one package per provider beside the all-in-one, from the same
// build (run `npm run build` first), into dist-providers/<package name>/ (ignored by git):
//   package.json   only that provider's nodes and credentials in "n8n", peerDependencies
//                  n8n-workflow "*", no dependencies, MIT, keyword n8n-community-node-package
//   dist/          the provider's compiled nodes, trigger, credentials, icons and codex files,
//                  plus exactly the shared modules they require (followed through require())
//   nodes/, credentials/   the TypeScript sources of those same files (what the scanner lints)
//   README.md, LICENSE
// Credential type names are global in n8n (two packages declaring the same name: the one loaded
// last replaces the other), so each package's credentials are renamed after the package, the way
// n8n prefixes node types: amiqusApi -> n8nNodesAmiqusApi. Node types need no change (they are
// <package name>.<node>). Prints one line per package.
//
//   node scripts/build-providers.js [--only amiqus,ondato]
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, 'dist-providers');
const ROOT_PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** The five packages. `dir` is the folder under nodes/ and the prefix of the credential files. */
const PROVIDERS = [
	{
		key: 'amiqus',
		dir: 'Amiqus',
		name: 'n8n-nodes-amiqus',
		title: 'Amiqus',
		site: 'https://developers.amiqus.co',
	},
	{
		key: 'ondato',
		dir: 'Ondato',
		name: 'n8n-nodes-ondato',
		title: 'Ondato',
		site: 'https://ondato.atlassian.net',
	},
	{
		key: 'identomat',
		dir: 'Identomat',
		name: 'n8n-nodes-identomat',
		title: 'Identomat',
		site: 'https://docs.identomat.com',
	},
	{
		key: 'verigram',
		dir: 'Verigram',
		name: 'n8n-nodes-verigram',
		title: 'Verigram',
		site: 'https://support.verigram.ai',
	},
	{
		key: 'nevis',
		dir: 'Nevis',
		name: 'n8n-nodes-nevis',
		title: 'Nevis Authentication Cloud',
		site: 'https://docs.nevis.net/authcloud',
	},
];

const camel = (packageName) => packageName.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The credential type names of a provider's credential files, old -> new. */
function credentialRenames(provider, credentialFiles) {
	const renames = {};
	for (const file of credentialFiles) {
		const source = fs.readFileSync(path.join(REPO, file), 'utf8');
		const m = /\bname\s*=\s*['"]([A-Za-z0-9]+)['"]/.exec(source);
		if (!m) throw new Error(`${file}: no credential name found`);
		const old = m[1];
		if (!old.startsWith(provider.key))
			throw new Error(`${file}: credential name ${old} does not start with ${provider.key}`);
		renames[old] = camel(provider.name) + old.slice(provider.key.length);
	}
	return renames;
}

/** Replaces every quoted occurrence of an old credential name (and the package prefix of codex files). */
function rewrite(text, provider, renames) {
	let out = text;
	for (const [from, to] of Object.entries(renames)) {
		out = out.replace(new RegExp(`(['"\`])${from}\\1`, 'g'), (_, q) => `${q}${to}${q}`);
	}
	return out.split(`"${ROOT_PKG.name}.`).join(`"${provider.name}.`);
}

/** Every compiled module the entries require, followed through relative require() calls. */
function requireClosure(entries) {
	const seen = new Set();
	const queue = entries.map((e) => path.join(REPO, e));
	while (queue.length) {
		const file = queue.pop();
		if (seen.has(file)) continue;
		if (!fs.existsSync(file))
			throw new Error(`${path.relative(REPO, file)} is missing: run npm run build first`);
		seen.add(file);
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/require\(["'](\.{1,2}\/[^"']+)["']\)/g)) {
			const base = path.resolve(path.dirname(file), m[1]);
			const candidates = [base, `${base}.js`, path.join(base, 'index.js')];
			const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
			if (!hit)
				throw new Error(`${path.relative(REPO, file)} requires ${m[1]}, which is not in dist/`);
			queue.push(hit);
		}
	}
	return [...seen].map((f) => path.relative(REPO, f)).sort();
}

function listFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? listFiles(p) : [p];
	});
}

function write(file, text) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
}

function buildOne(provider) {
	const out = path.join(OUT, provider.name);
	fs.rmSync(out, { recursive: true, force: true });
	const nodes = ROOT_PKG.n8n.nodes.filter((e) => e.startsWith(`dist/nodes/${provider.dir}/`));
	const credentials = ROOT_PKG.n8n.credentials.filter((e) =>
		path.basename(e).startsWith(provider.dir),
	);
	if (!nodes.length || !credentials.length)
		throw new Error(`${provider.name}: no nodes or credentials in package.json "n8n"`);
	const renames = credentialRenames(
		provider,
		credentials.map((e) => e.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
	);

	// Compiled code (exactly the modules required) and its TypeScript source.
	const modules = requireClosure([...nodes, ...credentials]);
	const foreign = modules.filter(
		(m) =>
			!m.startsWith(`dist/nodes/${provider.dir}/`) &&
			!m.startsWith('dist/nodes/shared/') &&
			!path.basename(m).startsWith(provider.dir),
	);
	if (foreign.length)
		throw new Error(
			`${provider.name}: requires modules of another provider (${foreign.join(', ')}); shared code belongs in nodes/shared/`,
		);
	for (const rel of modules) {
		write(
			path.join(out, rel),
			rewrite(fs.readFileSync(path.join(REPO, rel), 'utf8'), provider, renames),
		);
		const ts = path.join(REPO, rel.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		if (fs.existsSync(ts))
			write(
				path.join(out, path.relative(REPO, ts)),
				rewrite(fs.readFileSync(ts, 'utf8'), provider, renames),
			);
	}
	// Icons and codex files of the provider's node folder (built and source).
	for (const file of listFiles(path.join(REPO, 'nodes', provider.dir)).filter((f) =>
		/\.(svg|png|node\.json)$/.test(f),
	)) {
		const rel = path.relative(REPO, file);
		for (const target of [rel, path.join('dist', rel)]) {
			if (file.endsWith('.json'))
				write(path.join(out, target), rewrite(fs.readFileSync(file, 'utf8'), provider, renames));
			else {
				fs.mkdirSync(path.dirname(path.join(out, target)), { recursive: true });
				fs.copyFileSync(file, path.join(out, target));
			}
		}
	}
	const leftovers = listFiles(out).filter((f) =>
		Object.keys(renames).some((old) =>
			new RegExp(`['"\`]${old}['"\`]`).test(fs.readFileSync(f, 'utf8')),
		),
	);
	if (leftovers.length)
		throw new Error(`${provider.name}: old credential names left in ${leftovers.join(', ')}`);

	const pkg = {
		name: provider.name,
		version: ROOT_PKG.version,
		description: `n8n nodes for identity verification (KYC) with ${provider.title}: an action node, a trigger and the credential${credentials.length > 1 ? 's' : ''}.`,
		license: 'MIT',
		keywords: ['n8n-community-node-package', 'n8n', 'kyc', 'identity-verification', provider.key],
		author: ROOT_PKG.author,
		homepage: ROOT_PKG.homepage,
		repository: ROOT_PKG.repository,
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: ROOT_PKG.n8n.n8nNodesApiVersion,
			strict: ROOT_PKG.n8n.strict,
			credentials,
			nodes,
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
	write(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
	fs.copyFileSync(path.join(REPO, 'LICENSE'), path.join(out, 'LICENSE'));
	write(
		path.join(out, 'README.md'),
		require('./provider-readme').readme(provider, { pkg, renames, repo: REPO, rootPkg: ROOT_PKG }),
	);
	console.log(
		`${provider.name}: ${nodes.length} nodes, ${credentials.length} credential(s) (${Object.values(renames).join(', ')}), ${modules.length} modules -> ${path.relative(REPO, out)}`,
	);
	return { ...provider, dir: out, pkg, renames };
}

function main() {
	const only = process.argv.includes('--only')
		? process.argv[process.argv.indexOf('--only') + 1].split(',')
		: null;
	fs.mkdirSync(OUT, { recursive: true });
	return PROVIDERS.filter((p) => !only || only.includes(p.key)).map(buildOne);
}

module.exports = { PROVIDERS, OUT, credentialRenames, camel };
if (require.main === module) main();
