'use strict';
// What the bench scripts share: their command-line options, a log with the seconds since the start,
// the package's node type names, rounding and ratios, the Markdown tables of their reports, and the
// HTTP Request node the read benchmarks compare with.
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

/**
 * n8n's HTTP Request node reading the Amiqus record `{{ $json.a }}` with its client: what a user
 * would build without this package (the other side of the read benchmarks).
 */
const httpRequestRecordGet = (baseUrl, credential, position) => ({
	name: 'HTTP Request',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position,
	credentials: { httpHeaderAuth: credential },
	parameters: {
		method: 'GET',
		url: `=${baseUrl}/records/{{ $json.a }}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'expand', value: 'client' }] },
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{ name: 'X-Bench-Client', value: 'http-request' },
				{ name: 'Accept', value: 'application/json' },
			],
		},
		options: {},
	},
});

module.exports = {
	PKG,
	argv,
	arg,
	elapsed,
	logger,
	type,
	round,
	ratio,
	markdownTable,
	httpRequestRecordGet,
};
