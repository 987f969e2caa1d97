import { n8n } from '../package.json';
import type { StatusTableDoc } from '../nodes/shared/verdict';
import { VERIFICATION_STATUS_MEANINGS, VERIFICATION_STATUSES } from '../nodes/shared/verdict';

// The README and docs/verification.md table of verification statuses, generated from the status tables
// in nodes/*/verdict.ts (scripts/verdict-table.js writes it; test/shared/verdictTables.test.ts checks it).

const cell = (value: string) => value.replace(/\|/g, '\\|');

/** The markdown of the shared statuses and of every provider table, generated from the code tables. */
export function statusTablesMarkdown(docs: StatusTableDoc[]): string {
	const lines: string[] = [
		'## Verification statuses',
		'',
		'<!-- Generated from the status tables in nodes/*/verdict.ts by `node scripts/verdict-table.js --write`. Do not edit by hand: test/shared/verdictTables.test.ts fails when this differs from the code. -->',
		'',
		"Every operation that reads a verification's outcome, and every trigger that emits one, adds a `verification` object next to the provider's raw data: `provider`, `ids`, `status`, `providerStatus` (the value it was mapped from), `decidedAt`, `person`, `document` and `reasons` (`{ code, text }`). `status` is always one of:",
		'',
		'| `verification.status` | Meaning |',
		'|---|---|',
		...VERIFICATION_STATUSES.map(
			(status) => `| \`${status}\` | ${cell(VERIFICATION_STATUS_MEANINGS[status])} |`,
		),
		'',
		'A provider value that is not in the tables below (or no value at all) maps to `unknown`, never to a success.',
	];
	const providers = [...new Set(docs.map((doc) => doc.provider))];
	for (const provider of providers) {
		lines.push(
			'',
			`### ${provider}`,
			'',
			'| Provider field | Provider value | `verification.status` | Note |',
			'|---|---|---|---|',
		);
		for (const doc of docs.filter((d) => d.provider === provider)) {
			for (const [value, status] of Object.entries(doc.table)) {
				const note = doc.notes?.[value] ?? '';
				lines.push(
					`| ${cell(doc.field)} (${cell(doc.source)}) | \`${cell(value)}\` | \`${status}\` | ${cell(note)} |`,
				);
			}
		}
		const remarks = docs
			.filter((d) => d.provider === provider && d.remarks)
			.map((d) => d.remarks as string);
		if (remarks.length) lines.push('', ...remarks.map((remark) => `- ${remark}`));
	}
	return lines.join('\n') + '\n';
}

/** The provider folders, in the order of package.json's n8n.nodes (dist/nodes/<Provider>/<Provider>.node.js). */
export const PROVIDER_DIRS: string[] = [
	...new Set(
		n8n.nodes
			.map((file: string) => /^dist\/nodes\/([^/]+)\//.exec(file)?.[1])
			.filter((dir): dir is string => !!dir),
	),
];

/** Every provider's status tables (nodes/<Provider>/verdict.ts, STATUS_TABLES), in the order the docs show them. */
export const ALL_TABLES: StatusTableDoc[] = PROVIDER_DIRS.flatMap(
	(dir) =>
		(require(`../nodes/${dir}/verdict`) as { STATUS_TABLES: StatusTableDoc[] }).STATUS_TABLES,
);

/** The "## Verification statuses" section, built from the code tables only. */
export function verificationMarkdown(): string {
	return statusTablesMarkdown(ALL_TABLES);
}

export const README_START = '<!-- verification-table:start -->';
export const README_END = '<!-- verification-table:end -->';

/** The section without its heading, as it goes between the README markers. */
export function verificationMarkdownBody(): string {
	return verificationMarkdown().replace(/^## Verification statuses\n\n/, '');
}

/** The text between the README markers, or undefined when the README has none. */
export function betweenMarkers(markdown: string): string | undefined {
	const start = markdown.indexOf(README_START);
	const end = markdown.indexOf(README_END);
	if (start < 0 || end < start) return undefined;
	return markdown.slice(start + README_START.length, end).replace(/^\n+/, '');
}

/** The README with the generated body between its markers (unchanged when it has none). */
export function withReadmeTable(markdown: string): string {
	const start = markdown.indexOf(README_START);
	const end = markdown.indexOf(README_END);
	if (start < 0 || end < start) return markdown;
	return `${markdown.slice(0, start + README_START.length)}\n${verificationMarkdownBody()}${markdown.slice(end)}`;
}

/** docs/verification.md with its "## Verification statuses" section regenerated; other sections are kept. */
export function withDocsSection(markdown: string): string {
	const heading = '## Verification statuses\n';
	const start = markdown.indexOf(heading);
	if (start < 0) return verificationMarkdown() + (markdown ? `\n${markdown}` : '');
	const next = markdown.indexOf('\n## ', start + heading.length);
	return markdown.slice(0, start) + verificationMarkdown() + (next < 0 ? '' : markdown.slice(next));
}
