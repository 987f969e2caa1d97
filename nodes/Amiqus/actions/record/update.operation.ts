import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { recordLocator } from '../common.descriptions';
import { updateOperation } from '../updateOperation';

const MAX_EXPIRY_DAYS = 10;

/** A date-time from the n8n date picker (often without a zone) or an expression, as UTC ISO. */
function expiryOf(check: InputValidator, value: unknown): string {
	const text =
		typeof value === 'string'
			? value.trim()
			: value instanceof Date
				? value.toISOString()
				: String(value ?? '');
	const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
		? `${text}Z`
		: text;
	const iso = check.dateTime('Expires At', withZone) as string;
	const at = Date.parse(iso);
	const now = Date.now();
	// A minute of slack for the time between building the item and sending it.
	if (at < now - 60_000)
		check.fail(
			'Expires At',
			`must not be in the past, got "${text}"`,
			'Use the Expire operation to expire the record now.',
		);
	if (at > now + MAX_EXPIRY_DAYS * 86_400_000) {
		check.fail('Expires At', `must be at most ${MAX_EXPIRY_DAYS} days from now, got "${text}"`);
	}
	return iso;
}

export const { description, execute } = updateOperation({
	resource: 'record',
	target: recordLocator,
	path: (id) => `/records/${id}`,
	fields: [
		{
			displayName: 'Archived',
			name: 'is_archived',
			type: 'boolean',
			default: true,
			description: 'Whether the record is archived',
		},
		{
			displayName: 'Expires At',
			name: 'expired_at',
			type: 'dateTime',
			default: '',
			description:
				'When the record expires: from now to at most 10 days ahead. Without a time zone the time is read as UTC. Use the Expire operation to expire it now.',
		},
		{
			displayName: 'Reminders',
			name: 'has_reminders',
			type: 'boolean',
			default: true,
			description: 'Whether Amiqus sends reminder emails for the record',
		},
		{
			displayName: 'Reviewed',
			name: 'is_reviewed',
			type: 'boolean',
			default: true,
			description: 'Whether the record is marked as reviewed',
		},
	],
	body: (check, fields) => {
		const body: IDataObject = {};
		for (const key of ['is_archived', 'is_reviewed', 'has_reminders'] as const) {
			if (fields[key] !== undefined) body[key] = fields[key] === true;
		}
		if (fields.expired_at !== undefined && fields.expired_at !== '')
			body.expired_at = expiryOf(check, fields.expired_at);
		return body;
	},
});
