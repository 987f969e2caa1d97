import { queryValue } from '../../nodes/shared/redirect';
import { commaList } from '../../nodes/shared/validation';

describe('the id a returning browser brings (queryValue, commaList)', () => {
	it('takes the first named parameter with a non-blank value, trimmed', () => {
		const query = { sessionId: '  ', tc: ' abc ', other: 'x' };
		expect(queryValue(query, commaList('sessionId, tc'))).toBe('abc');
		expect(queryValue(query, ['other', 'tc'])).toBe('x');
	});

	it('gives an empty id for missing, blank or non-text values', () => {
		expect(queryValue({ flow_id: ['a', 'b'] }, ['flow_id'])).toBe('');
		expect(queryValue({ flow_id: '   ' }, ['flow_id'])).toBe('');
		expect(queryValue({ flow_id: 'a' }, commaList(''))).toBe('');
	});

	it('reads a comma-separated setting as its non-empty trimmed parts', () => {
		expect(commaList(' pass, fail ,, ')).toEqual(['pass', 'fail']);
		expect(commaList(undefined)).toEqual([]);
	});
});
