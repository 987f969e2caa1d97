import type { IDataObject } from 'n8n-workflow';

import { WebhookHost } from '../harness/webhooks';
import { readFigures, writeFigures } from './figures';
import type { Attempt } from './generators';
import { SEED } from './generators';
import { type HostedTrigger, useTriggerSandbox } from './triggers';

/**
 * How a generated hostile assault is sent and judged, and the figures it leaves (see generators.ts
 * for what it is made of).
 */
export const TRIGGER = 'Trigger';

export interface Figures {
	tried: number;
	refused: number;
	statuses: Record<string, number>;
	executions: number;
	crashed: number;
	genuineAccepted: number;
	lost: number;
}
const figures: Record<string, Figures> = {};

/**
 * Sends every attempt, one at a time; `accept(status, location)` says whether the answer is a
 * refusal. Then no delivery may have started a run or crashed.
 */
export async function assault(
	name: string,
	{ h, node, url }: HostedTrigger,
	attempts: Attempt[],
	accept: (status: number, location: string | null, attempt: Attempt) => boolean,
) {
	const statuses: Record<string, number> = {};
	let refused = 0;
	for (const attempt of attempts) {
		const saved: IDataObject = {};
		for (const [key, value] of Object.entries(attempt.parameters ?? {})) {
			saved[key] = node.parameters[key] as never;
			node.parameters[key] = value as never;
		}
		const restore = attempt.around?.();
		let status: number;
		let location: string | null;
		try {
			const r = await fetch(attempt.url ?? `${url}${attempt.query ?? ''}`, {
				method: attempt.method ?? 'POST',
				headers: attempt.headers,
				body: attempt.body as never,
				redirect: 'manual',
			});
			await r.arrayBuffer();
			status = r.status;
			location = r.headers.get('location');
		} catch (error) {
			// The server closed the connection (an oversized body): refused, nothing read.
			status = 0;
			location = null;
			if (!attempt.body || attempt.body.length < 16 * 1024 * 1024) throw error;
		} finally {
			restore?.();
			for (const [key, value] of Object.entries(saved)) {
				if (value === undefined) delete node.parameters[key];
				else node.parameters[key] = value as never;
			}
		}
		statuses[status] = (statuses[status] ?? 0) + 1;
		if (!accept(status, location, attempt))
			throw new Error(`${name}: "${attempt.what}" was answered ${status} ${location ?? ''}`);
		refused++;
	}
	await new Promise((resolve) => setTimeout(resolve, 100));
	const crashed = h.deliveries.filter((d) => d.crashed);
	expect(crashed.map((d) => d.crashed)).toEqual([]);
	expect(h.deliveries.filter((d) => d.started)).toEqual([]);
	expect(h.executions).toHaveLength(0);
	figures[name] = {
		tried: attempts.length,
		refused,
		statuses,
		executions: 0,
		crashed: crashed.length,
		genuineAccepted: 0,
		lost: 0,
	};
}

/** One genuine delivery after the assault runs exactly once. */
export async function genuine(name: string, h: WebhookHost, send: () => Promise<unknown>) {
	await send();
	await h.waitForExecutions(1, 10_000).catch(() => undefined);
	await new Promise((resolve) => setTimeout(resolve, 100));
	figures[name].genuineAccepted = h.executions.length;
	figures[name].executions = h.executions.length;
	figures[name].lost = h.executions.length === 1 ? 0 : 1;
	expect(h.executions).toHaveLength(1);
}

/** The order of the triggers in the figures (the README's), whichever test file ends first. */
const ORDER = [
	'amiqusTrigger',
	'ondatoTrigger',
	'identomatTrigger',
	'verigramTrigger',
	'nevisTrigger',
];

export const refusedPost = (status: number) => status === 0 || status >= 400;

/**
 * The sandbox of a test file (see useTriggerSandbox); afterwards its trigger's figures replace that
 * trigger's in the hostileGenerated section of bench/results/reliability.json, next to the others'.
 */
export const useHostileSandbox = () =>
	useTriggerSandbox(() => {
		if (Object.keys(figures).length === 0) return; // a partial run (-t) does not replace the figures the README quotes
		const previous = readFigures('hostileGenerated') as
			{ triggers?: Record<string, Figures> } | undefined;
		const all = Object.fromEntries(
			Object.entries({ ...previous?.triggers, ...figures }).sort(
				([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b),
			),
		);
		const sum = (key: 'tried' | 'refused' | 'executions' | 'crashed' | 'lost') =>
			Object.values(all).reduce((total, f) => total + f[key], 0);
		writeFigures('hostileGenerated', {
			description:
				'Generated hostile requests per trigger (fast-check, fixed seed): mutated bodies, headers, encodings and ids, option values (expressions, empty strings, text for numbers), oversized and deeply nested JSON, forged and re-spelt signatures; then one genuine delivery each',
			seed: SEED,
			triggers: all,
			total: {
				tried: sum('tried'),
				refused: sum('refused'),
				executions: sum('executions'),
				crashed: sum('crashed'),
				lost: sum('lost'),
			},
		});
	});
