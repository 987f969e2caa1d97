'use strict';
// What the bench scripts share: their command-line options, a log with the seconds since the start,
// the package's node type names, rounding and ratios, and the Markdown tables of their reports.
const PKG = require('../package.json');

const argv = process.argv.slice(2);
/** The number after `--name` on the command line, or `dflt`. */
const arg = (name, dflt) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? Number(argv[i + 1]) : dflt;
};

const t0 = Date.now();
/** Seconds since the script started. */
const elapsed = () => (Date.now() - t0) / 1000;
/** A log function that prefixes each line with `[tag   N s]`. */
const logger = (tag) => (s) => console.log(`[${tag} ${elapsed().toFixed(0).padStart(4)} s] ${s}`);

/** The full node type name of one of this package's nodes. */
const type = (name) => `${PKG.name}.${name}`;

const round = (x, d = 1) =>
	x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d;
const ratio = (a, b) => (a && b ? round(a / b, 2) : null);

/** A Markdown table: the header row, its rule, then one line a row. */
const markdownTable = (head, rows) =>
	[
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...rows.map((row) => `| ${row.join(' | ')} |`),
	].join('\n');

module.exports = { PKG, argv, arg, elapsed, logger, type, round, ratio, markdownTable };
