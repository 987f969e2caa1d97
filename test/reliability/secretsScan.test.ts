import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const { scan, sandboxSecrets } = require('./secretsReporter') as {
	scan(files: string[], secrets: Set<string>): { lines: number; leaks: Array<{ kind: string }> };
	sandboxSecrets(): Set<string>;
};

describe('secrets scan (the reporter that runs after the whole suite)', () => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scan-')), 'capture.jsonl');
	const line = (kind: string, value: unknown) => `${JSON.stringify({ kind, value })}\n`;

	it('knows the sandbox credentials', () => {
		expect([...sandboxSecrets()]).toEqual(
			expect.arrayContaining([
				'sandbox-amiqus-pat',
				'sandbox-ondato-secret',
				'sandbox-verigram-prod-secret',
				'sandbox-nevis-access-key',
			]),
		);
	});

	it('finds a secret in an output, an error or a log line, verbatim or base64, and ignores the credential records', () => {
		fs.writeFileSync(
			file,
			line('credentials', { amiqusApi: { accessToken: 'tok-123456789' } }) +
				line('run', {
					outputs: { Node: [{ data: { main: [[{ json: { header: 'Bearer tok-123456789' } }]] } }] },
				}) +
				line('console', `Basic ${Buffer.from('tok-123456789').toString('base64')}`) +
				line('run', { error: { message: 'Amiqus: The credentials were not accepted (HTTP 401)' } }),
		);
		const { lines, leaks } = scan([file], new Set(['tok-123456789']));
		expect(lines).toBe(4);
		expect(leaks.map((l) => l.kind)).toEqual(['run', 'console']);
	});
});
