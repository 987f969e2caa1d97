import { STATUS_TABLES as AMIQUS } from '../../nodes/Amiqus/verdict';
import { STATUS_TABLES as IDENTOMAT } from '../../nodes/Identomat/verdict';
import { STATUS_TABLES as NEVIS } from '../../nodes/Nevis/verdict';
import { STATUS_TABLES as ONDATO } from '../../nodes/Ondato/verdict';
import { STATUS_TABLES as VERIGRAM } from '../../nodes/Verigram/verdict';
import type { StatusTableDoc } from '../../nodes/shared/verdict';
import { statusTablesMarkdown } from '../../nodes/shared/verdict';

/** Every provider's status tables, in the order the docs show them. */
export const ALL_TABLES: StatusTableDoc[] = [...AMIQUS, ...ONDATO, ...IDENTOMAT, ...VERIGRAM, ...NEVIS];

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
