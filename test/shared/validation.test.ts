import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isSafePathSegment, pathSegment } from '../../nodes/shared/ids';
import { finiteNumber } from '../../nodes/shared/numbers';
import { InputValidator } from '../../nodes/shared/validation';

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'x',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const check = new InputValidator(node, 4);

/** The message of the error `fn` throws (it must throw a NodeOperationError naming the item). */
function failure(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).context.itemIndex).toBe(4);
		return (error as Error).message;
	}
	throw new Error('expected a validation error');
}

describe('InputValidator', () => {
	it('required, email, positiveInteger', () => {
		expect(check.required('Name', ' Ann ')).toBe('Ann');
		expect(check.required('Count', 3)).toBe('3');
		expect(failure(() => check.required('Name', '  '))).toBe('"Name" is required [item 4]');
		expect(check.email('Email', 'a@b.co')).toBe('a@b.co');
		expect(check.email('Email', '', { optional: true })).toBeUndefined();
		expect(failure(() => check.email('Email', 'a.b.co'))).toBe(
			'"Email" must be an email address, got a value shaped "a.a.aa" [item 4]',
		);
		expect(check.positiveInteger('Record', '12')).toBe(12);
		for (const bad of ['0', '-1', '1.5', '1e3', 'abc'])
			expect(failure(() => check.positiveInteger('Record', bad))).toContain(
				'"Record" must be a positive whole number',
			);
	});

	it('date and dateTime accept only real dates', () => {
		expect(check.date('Date', '2024-02-29')).toBe('2024-02-29');
		expect(check.date('Date', '2024-02-29T10:00:00Z')).toBe('2024-02-29');
		expect(failure(() => check.date('Date', '2023-02-29'))).toContain(
			'must be a date written YYYY-MM-DD',
		);
		expect(failure(() => check.date('Date', '29/02/2024'))).toContain(
			'must be a date written YYYY-MM-DD',
		);
		// An email or a date of birth is personal data: the error (saved with the execution, logged) shows its shape only.
		expect(failure(() => check.email('Email', 'marty at example.com'))).not.toContain('marty');
		expect(failure(() => check.date('Date of Birth', '12/06/1968'))).toContain(
			'got a value shaped "99/99/9999"',
		);
		expect(check.dateTime('At', '2026-05-01T12:00:00.250+02:00')).toBe('2026-05-01T10:00:00Z');
		expect(failure(() => check.dateTime('At', '2026-05-01 12:00'))).toContain(
			'must be a date and time with a zone',
		);
	});

	it('uuid, countryCode, url, oneOf, json', () => {
		expect(check.uuid('Id', '3FA85F64-5717-4562-B3FC-2C963F66AFA6')).toBe(
			'3fa85f64-5717-4562-b3fc-2c963f66afa6',
		);
		expect(failure(() => check.uuid('Id', '3fa85f64'))).toContain('must be a UUID');
		expect(check.countryCode('Country', 'gb', 2)).toBe('GB');
		expect(failure(() => check.countryCode('Country', 'GBR', 2))).toContain('2-letter ISO 3166-1');
		expect(check.url('Url', 'https://example.com/x')).toBe('https://example.com/x');
		expect(failure(() => check.url('Url', 'javascript:alert(1)'))).toContain(
			'must be an http(s) URL',
		);
		expect(check.oneOf('Mode', 'a', ['a', 'b'] as const)).toBe('a');
		expect(failure(() => check.oneOf('Mode', 'c', ['a', 'b']))).toBe(
			'"Mode" must be one of a, b, got "c" [item 4]',
		);
		expect(check.json('Body', '{"a":1}')).toEqual({ a: 1 });
		expect(check.json('Body', { a: 1 })).toEqual({ a: 1 });
		expect(failure(() => check.json('Body', '{'))).toContain('"Body" is not valid JSON');
	});

	it('pathId refuses ids that would move a request out of its folder', () => {
		expect(check.pathId('Flow', ' 3e8a19be-582e-4046-a59c-29489fea45f2 ')).toBe(
			'3e8a19be-582e-4046-a59c-29489fea45f2',
		);
		expect(check.pathId('Flow', 'flow.v2:1')).toBe('flow.v2:1');
		for (const bad of [
			'.',
			'..',
			'...',
			'../x',
			'a/b',
			'a\\b',
			'x?y=1',
			'x#y',
			'%2e%2e',
			'%2E.',
			'a b',
			'x'.repeat(257),
		]) {
			expect(failure(() => check.pathId('Flow', bad))).toContain('"Flow" is not a valid ID');
		}
		expect(failure(() => check.pathId('Flow', ''))).toBe('"Flow" is required [item 4]');
	});
});

describe('path segments and finite numbers', () => {
	it('pathSegment encodes safe ids and throws for the others', () => {
		expect(pathSegment(42)).toBe('42');
		expect(pathSegment('a:b@c')).toBe('a%3Ab%40c');
		for (const bad of ['.', '..', '', 'a/..', '%2e%2e', 'a?b'])
			expect(() => pathSegment(bad)).toThrow('is not a valid ID for a URL path');
		expect(isSafePathSegment(undefined)).toBe(false);
		expect(isSafePathSegment(12)).toBe(false);
	});

	it('finiteNumber falls back on anything that is not a finite number, and clamps', () => {
		expect(finiteNumber(5, 10)).toBe(5);
		expect(finiteNumber('7.5', 10)).toBe(7.5);
		for (const bad of [
			NaN,
			Infinity,
			-Infinity,
			'abc',
			'',
			'  ',
			undefined,
			null,
			{},
			[],
			true,
			'={{ 1 }}',
		])
			expect(finiteNumber(bad, 10)).toBe(10);
		expect(finiteNumber(100, 3, { min: 0, max: 30 })).toBe(30);
		expect(finiteNumber(-1, 3, { min: 0, max: 30 })).toBe(0);
	});
});
