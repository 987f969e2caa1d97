import { sleep } from 'n8n-workflow';

export interface PollOptions {
	/** Give up after this long, in seconds. */
	timeoutSeconds: number;
	/** First wait between two reads, in seconds; doubles up to `maxIntervalSeconds`. */
	initialIntervalSeconds?: number;
	maxIntervalSeconds?: number;
}

export interface PollOutcome<T> {
	value: T;
	/** Whether the value is final (false: the time limit was reached first). */
	final: boolean;
	attempts: number;
}

/**
 * "Wait for final result": reads until `isFinal` says so or the time limit is reached, with
 * exponential backoff between reads. Returns the last value either way, so the caller can say
 * clearly that the verification was still running.
 */
export async function pollUntilFinal<T>(
	read: () => Promise<T>,
	isFinal: (value: T) => boolean,
	options: PollOptions,
): Promise<PollOutcome<T>> {
	const deadline = Date.now() + options.timeoutSeconds * 1000;
	let interval = (options.initialIntervalSeconds ?? 2) * 1000;
	const maxInterval = (options.maxIntervalSeconds ?? 30) * 1000;
	let attempts = 0;
	for (;;) {
		const value = await read();
		attempts++;
		if (isFinal(value)) return { value, final: true, attempts };
		const left = deadline - Date.now();
		if (left <= 0) return { value, final: false, attempts };
		await sleep(Math.min(interval, left));
		interval = Math.min(interval * 2, maxInterval);
	}
}
