// The e2e suites read a run from what `n8n execute --rawOutput` prints. n8n's task runner logs to the same stdout at
// its own pace, so its lines land before, after or inside the run JSON; CI failed once on a trailing one.
// test/e2e is JavaScript run by node, not compiled, hence the plain require.
const { parseRunOutput } = require('../e2e/n8n');

const run = {
	data: { resultData: { runData: { Start: [{ data: { main: [[{ json: { a: 1 } }]] } }] } } },
	status: 'success',
};
const printed = JSON.stringify(run, null, 2).split('\n');

describe('parseRunOutput', () => {
	test('log lines before and after the run JSON', () => {
		const out = [
			'n8n Task Broker ready on 127.0.0.1, port 46727',
			...printed,
			'Registered runner "JS Task Runner" (x) ',
			'',
		].join('\n');
		expect(parseRunOutput(out)).toEqual(run);
	});

	test('a log line printed in the middle of the run JSON', () => {
		const lines = [...printed];
		lines.splice(3, 0, 'Registered runner "JS Task Runner" (x) ');
		expect(parseRunOutput(lines.join('\n'))).toEqual(run);
	});

	test('no run JSON, or a cut one: null', () => {
		expect(parseRunOutput('Error: workflow not found\n')).toBeNull();
		expect(parseRunOutput(printed.slice(0, -3).join('\n'))).toBeNull();
	});
});
