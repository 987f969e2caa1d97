'use strict';
// jest setupFilesAfterEnv: records the console output of each test file for the secrets scan.
const { record } = require('./capture');

for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
	const original = console[level].bind(console);
	console[level] = (...args) => {
		record(
			'console',
			args
				.map((a) =>
					a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : safe(a),
				)
				.join(' '),
		);
		original(...args);
	};
}

function safe(v) {
	try {
		return JSON.stringify(v);
	} catch {
		return String(v);
	}
}
