import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { VERIFICATION_STATUSES } from '../../nodes/shared/verdict';
import {
	ALL_TABLES,
	betweenMarkers,
	verificationMarkdown,
	verificationMarkdownBody,
} from '../../scripts/verdict-tables';

const HEADING = '## Verification statuses';

/** The "## Verification statuses" section of a markdown file: up to the next level-2 heading. */
function section(markdown: string): string | undefined {
	const start = markdown.indexOf(`${HEADING}\n`);
	if (start < 0) return undefined;
	const next = markdown.indexOf('\n## ', start + HEADING.length);
	const body = next < 0 ? markdown.slice(start) : markdown.slice(start, next + 1);
	return body.replace(/\n+$/, '\n');
}

const root = join(__dirname, '..', '..');
const FIX =
	'Run `node scripts/verdict-table.js --write`: it rewrites docs/verification.md and the README between its verification-table markers.';

describe('verification status tables', () => {
	it('docs/verification.md holds exactly the section generated from the code tables', () => {
		const docs = readFileSync(join(root, 'docs', 'verification.md'), 'utf8');
		expect({ section: section(docs), fix: FIX }).toEqual({
			section: verificationMarkdown(),
			fix: FIX,
		});
	});

	it('README.md, when it has a "## Verification statuses" section, holds the same table', () => {
		const readme = existsSync(join(root, 'README.md'))
			? readFileSync(join(root, 'README.md'), 'utf8')
			: '';
		const inReadme = section(readme);
		if (inReadme === undefined) return;
		// Between the generated-table markers when the README has them, else the whole section.
		const marked = betweenMarkers(readme);
		if (marked !== undefined)
			expect({ section: marked, fix: FIX }).toEqual({
				section: verificationMarkdownBody(),
				fix: FIX,
			});
		else
			expect({ section: inReadme, fix: FIX }).toEqual({
				section: verificationMarkdown(),
				fix: FIX,
			});
	});

	it('every table maps only to the shared statuses, and no table maps anything to unknown on purpose', () => {
		for (const doc of ALL_TABLES) {
			for (const [value, status] of Object.entries(doc.table)) {
				expect({
					provider: doc.provider,
					field: doc.field,
					value,
					known: VERIFICATION_STATUSES.includes(status),
				}).toEqual({
					provider: doc.provider,
					field: doc.field,
					value,
					known: true,
				});
				expect(status).not.toBe('unknown');
			}
			for (const noted of Object.keys(doc.notes ?? {}))
				expect(Object.keys(doc.table)).toContain(noted);
		}
	});

	it('covers the five providers', () => {
		expect([...new Set(ALL_TABLES.map((doc) => doc.provider))]).toEqual([
			'Amiqus',
			'Ondato',
			'Identomat',
			'Verigram',
			'Nevis',
		]);
	});
});
