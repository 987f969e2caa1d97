import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every subscribable Amiqus webhook event (amiqus.md §7.1), plus the wildcards the API accepts.
 * Sorted by name, as the lint and the UX guidelines want.
 */
export const AMIQUS_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Case Event', value: 'case.*', description: 'Every case event (case.*)' },
	{ name: 'Any Client Event', value: 'client.*', description: 'Every client event (client.*)' },
	{
		name: 'Any Event',
		value: '*',
		description: 'Every event Amiqus sends, including watchlist updates (*)',
	},
	{ name: 'Any Form Event', value: 'form.*', description: 'Every form event (form.*)' },
	{ name: 'Any Record Event', value: 'record.*', description: 'Every record event (record.*)' },
	{ name: 'Case Approved', value: 'case.approved', description: 'A case was approved' },
	{ name: 'Case Archived', value: 'case.archived', description: 'A case was archived' },
	{ name: 'Case Created', value: 'case.created', description: 'A case was created' },
	{ name: 'Case Item Added', value: 'case.item_added', description: 'An item was added to a case' },
	{
		name: 'Case Item Removed',
		value: 'case.item_removed',
		description: 'An item was removed from a case',
	},
	{ name: 'Case Rejected', value: 'case.rejected', description: 'A case was rejected' },
	{
		name: 'Case Status Changed',
		value: 'case.status',
		description: 'The status of a case changed',
	},
	{ name: 'Case Unarchived', value: 'case.unarchived', description: 'A case was unarchived' },
	{ name: 'Case Updated', value: 'case.updated', description: 'A case was updated' },
	{ name: 'Client Archived', value: 'client.archived', description: 'A client was archived' },
	{ name: 'Client Created', value: 'client.created', description: 'A client was created' },
	{
		name: 'Client Deleted',
		value: 'client.deleted',
		description: 'A client was deleted (the payload only holds the client ID)',
	},
	{
		name: 'Client Deletion Reminder Deleted',
		value: 'client.deletion_reminder_deleted',
		description: 'A deletion reminder of a client was removed',
	},
	{
		name: 'Client Deletion Reminder Due',
		value: 'client.deletion_reminder_due',
		description: 'A deletion reminder of a client is due',
	},
	{
		name: 'Client Deletion Reminder Updated',
		value: 'client.deletion_reminder_updated',
		description: 'A deletion reminder of a client was set or changed',
	},
	{
		name: 'Client Organisations Changed',
		value: 'client.organisations',
		description: 'The organisations a client belongs to changed',
	},
	{
		name: 'Client Record Added',
		value: 'client.record',
		description: 'A record was created for a client (the payload also names the record)',
	},
	{
		name: 'Client Status Changed',
		value: 'client.status',
		description: 'The status of a client changed',
	},
	{ name: 'Client Unarchived', value: 'client.unarchived', description: 'A client was unarchived' },
	{ name: 'Client Updated', value: 'client.updated', description: 'A client was updated' },
	{ name: 'Form Attached', value: 'form.attached', description: 'A form was attached' },
	{ name: 'Form Deleted', value: 'form.deleted', description: 'A form was deleted' },
	{ name: 'Form Modified', value: 'form.modified', description: 'A form was modified' },
	{ name: 'Form Sent', value: 'form.sent', description: 'A form was sent' },
	{ name: 'Form Submitted', value: 'form.submitted', description: 'A form was submitted' },
	{ name: 'Form Updated', value: 'form.updated', description: 'A form was updated' },
	{
		name: 'Record Bounced',
		value: 'record.bounced',
		description: 'The email that announced a record bounced',
	},
	{
		name: 'Record Created',
		value: 'record.created',
		description: 'A record (a request) was created',
	},
	{
		name: 'Record Finished',
		value: 'record.finished',
		description: 'A record reached a final state (complete, incomplete or empty)',
	},
	{
		name: 'Record Reviewed',
		value: 'record.reviewed',
		description: 'A record was marked as reviewed',
	},
	{
		name: 'Record Unreviewed',
		value: 'record.unreviewed',
		description: 'A record was marked as not reviewed',
	},
	{
		name: 'Record Updated',
		value: 'record.updated',
		description:
			'A record or one of its steps changed, including a check being submitted or processed',
	},
	{
		name: 'Watchlist Updated',
		value: 'watchlist.updated',
		description: 'A watchlist result changed (only "Any Event" covers it besides this option)',
	},
];

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
