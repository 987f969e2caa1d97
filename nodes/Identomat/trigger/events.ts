/** Callback types of the callbacks page. A status-update type is not documented (UNCONFIRMED). */
export const CALLBACK_TYPES = [
	'email-one-time-password-request',
	'one-time-password-request',
	'share-session-link-via-email',
	'share-session-link-via-sms',
];

/** The Events the trigger offers: the documented callback types, and any other as a status update. */
export const IDENTOMAT_EVENT_OPTIONS = [
	{ name: 'Email One-Time Password Request', value: 'email-one-time-password-request' },
	{ name: 'One-Time Password Request (SMS)', value: 'one-time-password-request' },
	{ name: 'Session Link Shared by Email', value: 'share-session-link-via-email' },
	{ name: 'Session Link Shared by SMS', value: 'share-session-link-via-sms' },
	{
		name: 'Status Update',
		value: 'statusUpdate',
		description: 'Any other callback type (format not documented)',
	},
];
