import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { finiteNumber } from './numbers';
import { verdictOnlyProperty } from './personalData';
import type { InputValidator } from './validation';

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
	// A limit that is not a number (NaN from an expression) must not make the loop endless.
	const deadline = Date.now() + finiteNumber(options.timeoutSeconds, 0, { min: 0 }) * 1000;
	let interval = finiteNumber(options.initialIntervalSeconds, 2, { min: 0.01 }) * 1000;
	const maxInterval = finiteNumber(options.maxIntervalSeconds, 30, { min: 0.01 }) * 1000;
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

/**
 * The "Wait for Final Result" switch of a read operation, with its Time Limit and First Pause
 * shown as soon as the switch is on. `explanation` says in the provider's terms what is read and
 * why polling is the way.
 */
export function waitForFinalResultProperties(
	explanation: string,
	defaultTimeoutSeconds: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Final Result',
			name: 'waitForFinalResult',
			type: 'boolean',
			default: false,
			description: `Whether to read again, with growing pauses, until the result is final or the time limit is reached. ${explanation.replace(/\.$/, '')}.`,
		},
		...waitSettings(defaultTimeoutSeconds),
	];
}

function waitSettings(defaultTimeoutSeconds: number): INodeProperties[] {
	return [
		{
			displayName: 'Time Limit (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: defaultTimeoutSeconds,
			displayOptions: { show: { waitForFinalResult: [true] } },
			description:
				'Stop waiting after this long and return the last result, with finalResult false',
		},
		{
			displayName: 'First Pause (Seconds)',
			name: 'initialIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 5,
			displayOptions: { show: { waitForFinalResult: [true] } },
			description: 'Pause before the second read; each next pause doubles, up to 60 seconds',
		},
	];
}

/**
 * Where earlier versions kept the same three settings: in the operation's Options collection.
 * n8n drops a saved value its node no longer declares, so they stay declared there for saved
 * workflows; the switch shows only when a saved workflow has it on (it then keeps working).
 */
export function savedWaitForFinalResultOptions(defaultTimeoutSeconds: number): INodeProperties[] {
	return [
		{
			displayName: 'Saved Wait for Final Result',
			name: 'waitForFinalResult',
			type: 'boolean',
			default: false,
			displayOptions: { show: { waitForFinalResult: [true] } },
			description:
				'Whether to wait, as set here by an earlier version of this node. Turn it off and use the Wait for Final Result switch above instead.',
		},
		...waitSettings(defaultTimeoutSeconds),
	];
}

/**
 * The end of every read that can wait for the final result: the Wait for Final Result settings,
 * Simplify, and the Options collection that keeps the settings of earlier versions.
 */
export function waitForFinalResultSection(
	explanation: string,
	defaultTimeoutSeconds: number,
): INodeProperties[] {
	return [
		...waitForFinalResultProperties(explanation, defaultTimeoutSeconds),
		verdictOnlyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			// Only version 1 saved settings here; from version 2 it would be an empty "No properties" box.
			displayOptions: { show: { '@version': [1] } },
			options: savedWaitForFinalResultOptions(defaultTimeoutSeconds),
		},
	];
}

/**
 * The wait settings of an item: the switch above the Options, or else (workflows saved by an
 * earlier version) the same settings in the Options collection.
 */
export function waitRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	if (!ctx.getNodeParameter('waitForFinalResult', itemIndex, false)) return options;
	return {
		waitForFinalResult: true,
		timeoutSeconds: ctx.getNodeParameter('timeoutSeconds', itemIndex, undefined) as
			number | undefined,
		initialIntervalSeconds: ctx.getNodeParameter('initialIntervalSeconds', itemIndex, undefined) as
			number | undefined,
	};
}

/**
 * Reads once, or, when the user chose "Wait for Final Result", until final. The extra fields
 * (`finalResult`, `attempts`) are only added when waiting, so a plain read keeps its shape.
 */
export async function readUntilFinalIfAsked<T>(
	check: InputValidator,
	options: IDataObject,
	read: () => Promise<T>,
	isFinal: (value: T) => boolean,
	defaultTimeoutSeconds: number,
): Promise<{ value: T; extra: IDataObject }> {
	if (!options.waitForFinalResult) return { value: await read(), extra: {} };
	const timeoutSeconds = Number(options.timeoutSeconds ?? defaultTimeoutSeconds);
	const initialIntervalSeconds = Number(options.initialIntervalSeconds ?? 5);
	if (!(timeoutSeconds > 0))
		check.fail(
			'Time Limit (Seconds)',
			`must be more than 0, got "${String(options.timeoutSeconds)}"`,
		);
	if (!(initialIntervalSeconds > 0)) {
		check.fail(
			'First Pause (Seconds)',
			`must be more than 0, got "${String(options.initialIntervalSeconds)}"`,
		);
	}
	const outcome = await pollUntilFinal(read, isFinal, {
		timeoutSeconds,
		initialIntervalSeconds,
		maxIntervalSeconds: 60,
	});
	return {
		value: outcome.value,
		extra: { finalResult: outcome.final, attempts: outcome.attempts },
	};
}
