import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every subscribable Amiqus webhook event (amiqus.md §7.1), plus the wildcards the API accepts.
 * Sorted by name, as the lint and the UX guidelines want.
 */
const EVENTS: Array<[name: string, value: string, description: string]> = [
	['Any Case Event', 'case.*', 'Every case event (case.*)'],
	['Any Client Event', 'client.*', 'Every client event (client.*)'],
	['Any Event', '*', 'Every event Amiqus sends, including watchlist updates (*)'],
	['Any Form Event', 'form.*', 'Every form event (form.*)'],
	['Any Record Event', 'record.*', 'Every record event (record.*)'],
	['Case Approved', 'case.approved', 'A case was approved'],
	['Case Archived', 'case.archived', 'A case was archived'],
	['Case Created', 'case.created', 'A case was created'],
	['Case Item Added', 'case.item_added', 'An item was added to a case'],
	['Case Item Removed', 'case.item_removed', 'An item was removed from a case'],
	['Case Rejected', 'case.rejected', 'A case was rejected'],
	['Case Status Changed', 'case.status', 'The status of a case changed'],
	['Case Unarchived', 'case.unarchived', 'A case was unarchived'],
	['Case Updated', 'case.updated', 'A case was updated'],
	['Client Archived', 'client.archived', 'A client was archived'],
	['Client Created', 'client.created', 'A client was created'],
	[
		'Client Deleted',
		'client.deleted',
		'A client was deleted (the payload only holds the client ID)',
	],
	[
		'Client Deletion Reminder Deleted',
		'client.deletion_reminder_deleted',
		'A deletion reminder of a client was removed',
	],
	[
		'Client Deletion Reminder Due',
		'client.deletion_reminder_due',
		'A deletion reminder of a client is due',
	],
	[
		'Client Deletion Reminder Updated',
		'client.deletion_reminder_updated',
		'A deletion reminder of a client was set or changed',
	],
	[
		'Client Organisations Changed',
		'client.organisations',
		'The organisations a client belongs to changed',
	],
	[
		'Client Record Added',
		'client.record',
		'A record was created for a client (the payload also names the record)',
	],
	['Client Status Changed', 'client.status', 'The status of a client changed'],
	['Client Unarchived', 'client.unarchived', 'A client was unarchived'],
	['Client Updated', 'client.updated', 'A client was updated'],
	['Form Attached', 'form.attached', 'A form was attached'],
	['Form Deleted', 'form.deleted', 'A form was deleted'],
	['Form Modified', 'form.modified', 'A form was modified'],
	['Form Sent', 'form.sent', 'A form was sent'],
	['Form Submitted', 'form.submitted', 'A form was submitted'],
	['Form Updated', 'form.updated', 'A form was updated'],
	['Record Bounced', 'record.bounced', 'The email that announced a record bounced'],
	['Record Created', 'record.created', 'A record (a request) was created'],
	[
		'Record Finished',
		'record.finished',
		'A record reached a final state (complete, incomplete or empty)',
	],
	['Record Reviewed', 'record.reviewed', 'A record was marked as reviewed'],
	['Record Unreviewed', 'record.unreviewed', 'A record was marked as not reviewed'],
	[
		'Record Updated',
		'record.updated',
		'A record or one of its steps changed, including a check being submitted or processed',
	],
	[
		'Watchlist Updated',
		'watchlist.updated',
		'A watchlist result changed (only "Any Event" covers it besides this option)',
	],
];

export const AMIQUS_EVENT_OPTIONS: INodePropertyOptions[] = EVENTS.map(
	([name, value, description]) => ({
		name,
		value,
		description,
	}),
);

export const AMIQUS_EVENTS = AMIQUS_EVENT_OPTIONS.map((option) => String(option.value));

/** Whether an event alias is covered by a subscription list (`*`, `record.*`, or the alias itself). */
export function eventMatches(subscribed: unknown, alias: string): boolean {
	// Fail closed: anything but a list of event names (an expression, an empty string) matches nothing.
	if (!Array.isArray(subscribed)) return false;
	return subscribed.some(
		(event) =>
			typeof event === 'string' &&
			(event === '*' ||
				event === alias ||
				(event.endsWith('.*') && alias.startsWith(event.slice(0, -1)))),
	);
}

/** The subscription as Amiqus wants it: unique values (the API refuses duplicates), in a stable order. */
export function normaliseEvents(events: string[]): string[] {
	return [...new Set(events.map((event) => String(event).trim()).filter(Boolean))].sort();
}

export function sameEvents(a: unknown, b: string[]): boolean {
	if (!Array.isArray(a)) return false;
	const left = normaliseEvents(a as string[]);
	const right = normaliseEvents(b);
	return left.length === right.length && left.every((event, i) => event === right[i]);
}
