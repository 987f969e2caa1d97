'use strict';
// The README of one single-provider package (scripts/build-providers.js), from the same sources as
// the main README: its rows of the Credentials and Operations tables and its Triggers bullet, the
// supported-versions table of "Install in n8n", and the provider's verdict table generated from
// the status tables in the built nodes/<Provider>/verdict.js (as scripts/verdict-table.js does).
const fs = require('fs');
const path = require('path');

/** Lines of the README section under `## <title>`, up to the next `## `. */
function section(readme, title) {
	const lines = readme.split('\n');
	const start = lines.findIndex((l) => l.trim() === `## ${title}`);
	if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
	const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
	return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The header of the first table in the lines, and its rows whose first cell is kept by keep(). */
function tableRows(lines, keep) {
	const first = lines.findIndex((l) => l.startsWith('|'));
	const header = lines.slice(first, first + 2);
	const rows = [];
	let current = false;
	for (const line of lines.slice(first + 2)) {
		if (!line.startsWith('|')) break;
		const cell = line.split('|')[1].trim();
		if (cell) current = keep(cell);
		if (current) rows.push(line);
	}
	return [...header, ...rows];
}

function readme(provider, { pkg, renames, repo, rootPkg }) {
	const main = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
	const credentials = tableRows(section(main, 'Credentials'), (cell) =>
		cell.startsWith(`${provider.dir} `),
	);
	const operations = tableRows(section(main, 'Operations'), (cell) => cell === provider.dir);
	const trigger = section(main, 'Triggers').filter(
		(l) => l.startsWith('- ') && l.includes(`**${provider.dir} Trigger**`),
	);
	const install = section(main, 'Install in n8n');
	const versions = install.slice(install.findIndex((l) => l.startsWith('| n8n')));
	const versionTable = versions.slice(
		0,
		versions.findIndex((l) => !l.startsWith('|')),
	);
	if (
		credentials.length < 3 ||
		operations.length < 3 ||
		!trigger.length ||
		versionTable.length < 3
	) {
		throw new Error(
			`${provider.name}: README.md lacks the ${provider.dir} rows (credentials ${credentials.length - 2}, operations ${operations.length - 2}, trigger ${trigger.length}, versions ${versionTable.length - 2})`,
		);
	}
	const { STATUS_TABLES } = require(path.join(repo, 'dist', 'nodes', provider.dir, 'verdict.js'));
	require('./require-ts');
	const { statusTablesMarkdown } = require('./verdict-tables.ts');
	const verdict = statusTablesMarkdown(STATUS_TABLES)
		.split('\n')
		.filter((l) => !l.startsWith('<!--'))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n');
	const renamed = Object.entries(renames)
		.map(([from, to]) => `\`${to}\` (\`${from}\` in the all-in-one)`)
		.join(', ');
	const sandbox = `${rootPkg.homepage}/blob/main/sandbox/README.md`;

	return `# ${pkg.name}

n8n community nodes for identity verification (KYC) with [${provider.title}](${provider.site}): the **${provider.dir}** action node, the **${provider.dir} Trigger** and the credential${credentials.length > 3 ? 's' : ''} they use. It is the ${provider.title} part of [${rootPkg.name}](${rootPkg.homepage}) (all five providers in one package), built from the same source; every outcome also comes as the shared \`verification\` object, so a workflow can switch providers without rewiring.

## Install

In n8n: **Settings → Community Nodes → Install**, package name \`${pkg.name}\`. Or, self-hosted without the UI:

\`\`\`
cd ~/.n8n/nodes && npm install ${pkg.name}
\`\`\`

The package has no runtime dependencies. Its code is the all-in-one's, whose end-to-end suite runs in these n8n versions (and this package is installed alone in n8n 2.40.7 and runs a workflow in every test run):

${versionTable.join('\n')}

**Beside the all-in-one.** Node types are \`${pkg.name}.<node>\`, so they never collide with \`${rootPkg.name}.<node>\`. Credential type names are global in n8n, so this package's credentials have names of their own: ${renamed}. A workflow moved from the all-in-one to this package needs its nodes' types and credentials re-selected.

## Credentials

${credentials.join('\n')}

## Operations

${operations.join('\n')}

Every list has Return All / Limit. Every operation validates its input before sending anything; errors name the field and the item, and with **Continue On Fail** the other items go on. Requests are retried on 429 (honouring \`Retry-After\`) and, only when repeating cannot create a duplicate, on 5xx and network errors.

## Trigger

${trigger.join('\n')}

${verdict}
## Try it without a ${provider.title} account

The repository of [${rootPkg.name}](${rootPkg.homepage}) has a local provider sandbox that emulates the ${provider.title} API (auth, validation, state machines, hosted-page stand-ins, signed webhook deliveries): see [sandbox/README.md](${sandbox}). \`npm run sandbox\` prints a credential for each provider; point the credential's Base URL at it.

## License

MIT
`;
}

module.exports = { readme, section, tableRows };
