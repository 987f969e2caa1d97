import type { IWebhookFunctions } from 'n8n-workflow';

import {
	MAX_POLLS_IN_FLIGHT,
	NEGATIVE_ANSWER_TTL_MS,
	endRead,
	startRead,
} from '../../nodes/shared/visitLimits';

let scopes = 0;
/** A trigger of its own per test: the limits are kept per workflow and node. */
const trigger = () => {
	const name = `Trigger ${++scopes}`;
	return { getWorkflow: () => ({ id: 'wf' }), getNode: () => ({ name }) } as unknown as Pick<
		IWebhookFunctions,
		'getWorkflow' | 'getNode'
	>;
};

describe('browser-return visit limits', () => {
	it('one read per id at a time', () => {
		const ctx = trigger();
		expect(startRead(ctx, 'a')).toBe('poll');
		expect(startRead(ctx, 'a')).toBeUndefined();
		expect(startRead(ctx, 'b')).toBe('poll');
		endRead(ctx, 'a', false);
		expect(startRead(ctx, 'a')).toBe('poll');
	});

	it('a negative answer is not read again until its time is up', () => {
		const ctx = trigger();
		const t0 = 1_000_000;
		expect(startRead(ctx, 'unknown', t0)).toBe('poll');
		endRead(ctx, 'unknown', true, t0);
		expect(startRead(ctx, 'unknown', t0 + 1)).toBeUndefined();
		expect(startRead(ctx, 'unknown', t0 + NEGATIVE_ANSWER_TTL_MS - 1)).toBeUndefined();
		expect(startRead(ctx, 'unknown', t0 + NEGATIVE_ANSWER_TTL_MS + 1)).toBe('poll');
	});

	it('a bounded number of visits poll at once per trigger, the others read once; other triggers are not affected', () => {
		const ctx = trigger();
		for (let i = 0; i < MAX_POLLS_IN_FLIGHT; i++) expect(startRead(ctx, `id-${i}`)).toBe('poll');
		expect(startRead(ctx, 'one-more')).toBe('once');
		expect(startRead(ctx, 'one-more')).toBeUndefined();
		expect(startRead(ctx, 'id-0')).toBeUndefined();
		expect(startRead(trigger(), 'one-more')).toBe('poll');
		endRead(ctx, 'id-0', false);
		endRead(ctx, 'one-more', false);
		expect(startRead(ctx, 'one-more')).toBe('poll');
	});

	it('remembers at most 1,000 negative answers, dropping the oldest', () => {
		const ctx = trigger();
		const t0 = 2_000_000;
		for (let i = 0; i <= 1000; i++) endRead(ctx, `n-${i}`, true, t0);
		expect(startRead(ctx, 'n-0', t0)).toBe('poll');
		expect(startRead(ctx, 'n-1', t0)).toBeUndefined();
		expect(startRead(ctx, 'n-1000', t0)).toBeUndefined();
	});
});
