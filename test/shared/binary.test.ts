import { fileNameFromHeaders, safeFileName } from '../../nodes/shared/binary';

const named = (disposition: string) =>
	fileNameFromHeaders({ 'content-disposition': disposition }, 'fallback.pdf');

describe('fileNameFromHeaders', () => {
	it('reads plain, quoted and RFC 5987 names', () => {
		expect(named('attachment; filename="record-1.pdf"')).toBe('record-1.pdf');
		expect(named('attachment; filename=record-1.pdf; size=10')).toBe('record-1.pdf');
		expect(named("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")).toBe('résumé.pdf');
		expect(named("attachment; filename*=UTF-8'en'report%20final.pdf")).toBe('report final.pdf');
		expect(named('attachment; filename="plain.pdf"; filename*=UTF-8\'\'better.pdf')).toBe(
			'better.pdf',
		);
		expect(fileNameFromHeaders({}, 'fallback.pdf')).toBe('fallback.pdf');
	});

	it('keeps the base name only: no folders, however they are spelt', () => {
		expect(named("attachment; filename*=UTF-8''..%2F..%2Fconfig")).toBe('config');
		expect(named('attachment; filename="../../etc/passwd"')).toBe('passwd');
		expect(named('attachment; filename="..\\\\..\\\\boot.ini"')).toBe('boot.ini');
		expect(named("attachment; filename*=UTF-8''%2Fabs%2Fpath.txt")).toBe('path.txt');
		expect(named("attachment; filename*=UTF-8''..")).toBe('fallback.pdf');
		expect(named("attachment; filename*=UTF-8''..%2F")).toBe('fallback.pdf');
		expect(named("attachment; filename*=UTF-8''a%00b%0A.txt")).toBe('ab.txt');
	});

	it('a malformed escape does not throw: the name is kept as sent', () => {
		expect(() => named("attachment; filename*=UTF-8''bad%E0%A4%A.pdf")).not.toThrow();
		expect(named("attachment; filename*=UTF-8''bad%E0%A4%A.pdf")).toBe('bad%E0%A4%A.pdf');
		expect(named("attachment; filename*=UTF-8''100%.pdf")).toBe('100%.pdf');
	});
});

describe('safeFileName', () => {
	it('cleans a fallback name as well', () => {
		expect(safeFileName('', '../x.bin')).toBe('x.bin');
		expect(safeFileName('', '..')).toBe('file');
		expect(safeFileName('x'.repeat(300))).toHaveLength(255);
	});
});
