import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * Limits for the browser-return triggers, whose URL anyone can visit with any id: each visit
 * would cost provider reads and hold a connection while it polls. Kept in this n8n process, per
 * trigger.
 */
/** How long an id whose last read was negative (unknown, unreadable or not final) is not read again. */
export const NEGATIVE_ANSWER_TTL_MS = 10_000;
/** Visits that may poll (wait for a result) at once per trigger; a visit over the limit reads once, without waiting. */
export const MAX_POLLS_IN_FLIGHT = 8;
/** Negative answers remembered per trigger (the oldest are dropped first). */
const MAX_REMEMBERED = 1000;

interface TriggerVisits {
	/** id → time (ms) until which a visit for it is answered without a read. */
	negative: Map<string, number>;
	/** ids being polled (read until final or the wait is over) right now. */
	polling: Set<string>;
	/** ids being read once right now. */
	reading: Set<string>;
}

const byTrigger = new Map<string, TriggerVisits>();

type TriggerContext = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>;

function visitsOf(ctx: TriggerContext): TriggerVisits {
	const scope = `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().name}`;
	let visits = byTrigger.get(scope);
	if (!visits)
		byTrigger.set(
			scope,
			(visits = { negative: new Map(), polling: new Set(), reading: new Set() }),
		);
	return visits;
}

/**
 * How a visit may read the provider for `id` now: not at all (undefined) when the id was answered
 * negatively in the last seconds or a read of the same id is in flight; `once` (no waiting) when
 * too many visits are polling already; `poll` otherwise. Unless undefined, `endRead` must follow.
 */
export function startRead(
	ctx: TriggerContext,
	id: string,
	now = Date.now(),
): 'poll' | 'once' | undefined {
	const visits = visitsOf(ctx);
	const until = visits.negative.get(id);
	if (until !== undefined && until > now) return undefined;
	if (until !== undefined) visits.negative.delete(id);
	if (visits.reading.has(id) || visits.polling.has(id)) return undefined;
	if (visits.polling.size >= MAX_POLLS_IN_FLIGHT) {
		visits.reading.add(id);
		return 'once';
	}
	visits.polling.add(id);
	return 'poll';
}

/** Ends a read started by `startRead`; a negative answer is remembered briefly. */
export function endRead(
	ctx: TriggerContext,
	id: string,
	negative: boolean,
	now = Date.now(),
): void {
	const visits = visitsOf(ctx);
	visits.polling.delete(id);
	visits.reading.delete(id);
	if (!negative) return;
	visits.negative.delete(id);
	visits.negative.set(id, now + NEGATIVE_ANSWER_TTL_MS);
	for (const oldest of visits.negative.keys()) {
		if (visits.negative.size <= MAX_REMEMBERED) break;
		visits.negative.delete(oldest);
	}
}
