import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * De-duplication of deliveries, in two records:
 *
 * - In this process, per trigger: every delivery key claimed by webhook() ("in flight" until n8n
 *   has answered the provider with a 2xx, which it does only once the execution exists) and
 *   then "done" until its time to live ends. It catches copies that arrive at the same time and
 *   repeats within the time to live, at no cost.
 * - Durable, in the trigger node's static data (`deliveries`: key → expiry in Unix seconds): the
 *   execution writes it at its start (the trigger's execute(), see `recordDeliveries`) and n8n
 *   saves it when the execution ends. n8n 2.40 drops static data written in webhook() once it
 *   answers after creating the execution, and a save on every delivery competes with n8n's own
 *   writes for SQLite's single write connection (measured: lock timeouts lost executions), so an
 *   execution writes the record at most once every FLUSH_EVERY_MS, with every key this process
 *   confirmed since the last write.
 */

/** How long a claim may stay in flight without n8n answering or the execution starting. */
const IN_FLIGHT_MS = 30_000;
/** At most this often an execution rewrites the durable record (a static-data save). */
export const FLUSH_EVERY_MS = 10_000;
const PROCESS_MAX = 20_000;
const STORED_MAX = 5_000;

type Scope = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode' | 'getWorkflowStaticData'>;

interface Entry {
	done: boolean;
	/** Milliseconds since the epoch: end of the claim (in flight) or of the time to live (done). */
	until: number;
	ttlSeconds: number;
}

interface ScopeState {
	entries: Map<string, Entry>;
	/** Confirmed keys not yet in the durable record: key → expiry in Unix seconds. */
	unsaved: Map<string, number>;
	lastFlush: number;
}

const scopes = new Map<string, ScopeState>();

const scopeName = (ctx: Scope) => `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().name}`;

function stateOf(ctx: Scope): ScopeState {
	const name = scopeName(ctx);
	let state = scopes.get(name);
	if (!state) {
		state = { entries: new Map(), unsaved: new Map(), lastFlush: 0 };
		scopes.set(name, state);
	}
	return state;
}

/** A short digest naming a delivery (the raw signed body, an envelope id, a session id...). */
export function deliveryKey(...parts: Array<string | Buffer>): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.digest('base64url').slice(0, 22);
}

function storedOf(ctx: Scope): IDataObject {
	const stored = ctx.getWorkflowStaticData('node').deliveries;
	return stored && typeof stored === 'object' && !Array.isArray(stored)
		? (stored as IDataObject)
		: {};
}

export type DeliveryState = 'new' | 'duplicate' | 'inFlight';

/** What the records say about a key: seen and finished, still in flight, or new. */
export function lookupDelivery(ctx: Scope, key: string, now = Date.now()): DeliveryState {
	const { entries } = stateOf(ctx);
	const entry = entries.get(key);
	if (entry && entry.until > now) return entry.done ? 'duplicate' : 'inFlight';
	if (entry) entries.delete(key);
	const expiry = Number(storedOf(ctx)[key]);
	return Number.isFinite(expiry) && expiry * 1000 > now ? 'duplicate' : 'new';
}

function remember(state: ScopeState, key: string, entry: Entry): void {
	state.entries.delete(key);
	state.entries.set(key, entry);
	// Oldest first (insertion order): expired entries go first, then the oldest.
	if (state.entries.size > PROCESS_MAX) {
		const now = Date.now();
		for (const [k, e] of state.entries) {
			if (state.entries.size <= PROCESS_MAX && e.until > now) break;
			state.entries.delete(k);
		}
	}
}

/**
 * Marks a key done in this process. `ran`: its execution has started (the trigger's execute()), so
 * it may go into the durable record. A key n8n has only answered for must not: an execution that
 * flushes the record before that key's own execution reads it would make the key's own execution
 * take it for a copy that already ran (measured on n8n 1.123, whose executions share the data).
 */
function confirm(
	state: ScopeState,
	key: string,
	ttlSeconds: number,
	ran: boolean,
	now = Date.now(),
): void {
	remember(state, key, { done: true, until: now + ttlSeconds * 1000, ttlSeconds });
	if (!ran) return;
	state.unsaved.delete(key);
	state.unsaved.set(key, Math.ceil(now / 1000 + ttlSeconds));
	// A process that runs no executions (a queue-mode webhook process) never writes: keep it bounded.
	for (const k of state.unsaved.keys()) {
		if (state.unsaved.size <= STORED_MAX) break;
		state.unsaved.delete(k);
	}
}

/**
 * Claims a key for a delivery webhook() is about to hand to n8n. When n8n has answered the
 * request, the claim is confirmed (a 2xx or 3xx: n8n answers so only once the execution exists)
 * or released (n8n could not start the execution: the provider retries, and the retry must run).
 */
export function claimDelivery(ctx: IWebhookFunctions, key: string, ttlSeconds: number): void {
	const state = stateOf(ctx);
	remember(state, key, { done: false, until: Date.now() + IN_FLIGHT_MS, ttlSeconds });
	const res = ctx.getResponseObject();
	res.once('finish', () => {
		const entry = state.entries.get(key);
		if (!entry || entry.done) return;
		if (res.statusCode < 400) confirm(state, key, ttlSeconds, false);
		else state.entries.delete(key);
	});
}

/** Drops expired keys and keeps the newest STORED_MAX. */
function pruned(record: Record<string, number>, nowSeconds: number): IDataObject {
	const live = Object.entries(record).filter(
		([, expiry]) => Number.isFinite(expiry) && expiry > nowSeconds,
	);
	live.sort((a, b) => b[1] - a[1]);
	return Object.fromEntries(live.slice(0, STORED_MAX));
}

/**
 * The durable half, run by the trigger's execute() at the start of every execution it starts:
 * drops an item whose key an earlier execution already recorded (a copy that got past webhook(),
 * e.g. in another process), confirms the others in this process, and at most every
 * FLUSH_EVERY_MS writes the keys confirmed since into the node's static data, which n8n saves
 * when the execution ends. Items without a key pass unchanged.
 */
export function recordDeliveries(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	ttlSeconds: number,
): INodeExecutionData[] {
	const state = stateOf(ctx);
	const now = Date.now();
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedOf(ctx);
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const key = item.json.deliveryKey;
		if (typeof key !== 'string' || !key) {
			out.push(item);
			continue;
		}
		const expiry = Number(stored[key]);
		if (Number.isFinite(expiry) && expiry * 1000 > now) {
			ctx.logger.info(
				`${ctx.getNode().name}: delivery ${key} already ran in an earlier execution; nothing emitted`,
			);
			continue;
		}
		const entry = state.entries.get(key);
		confirm(state, key, entry?.ttlSeconds ?? ttlSeconds, true, now);
		out.push(item);
	}
	if (
		state.unsaved.size &&
		now - state.lastFlush >= FLUSH_EVERY_MS &&
		holdsStoredCopy(ctx, staticData)
	) {
		const record = { ...(stored as Record<string, number>), ...Object.fromEntries(state.unsaved) };
		staticData.deliveries = pruned(record, now / 1000);
		// The list of earlier versions (ids, first in first out) is replaced by this record.
		delete staticData.seenIds;
		state.unsaved.clear();
		state.lastFlush = now;
	}
	return out;
}

/**
 * Whether this execution's static data is the stored one, so that n8n's save at its end (a
 * whole-column overwrite) keeps what other code wrote (a trigger's registration, other nodes).
 * A queue-mode worker builds the workflow from the execution's snapshot of it, which holds
 * neither the static data nor the active flag (n8n 2.40: execution-data/types.js
 * toWorkflowSnapshot, scaling/job-processor.js processJob): its copy is empty, and a write there
 * would replace the stored registration with this record alone. So the record is written only
 * when the workflow was built from the stored row (active), or when the node's data as loaded
 * visibly holds stored keys; a worker keeps the in-process record only.
 */
function holdsStoredCopy(ctx: IExecuteFunctions, nodeData: IDataObject): boolean {
	return ctx.getWorkflow().active === true || Object.keys(nodeData).length > 0;
}

/** Forgets every key of a trigger (on deactivation: a new registration starts afresh). */
export function forgetDeliveries(ctx: Scope): void {
	scopes.delete(scopeName(ctx));
	const staticData = ctx.getWorkflowStaticData('node');
	delete staticData.deliveries;
	delete staticData.seenIds;
}
